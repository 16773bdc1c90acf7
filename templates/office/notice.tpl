{{%AUTOESCAPE context="HTML"}}<article class="bulletin-office" data-page="office-notice">
  <p class="back no-print"><a href="/office/notices">‹ 全部公告</a></p>
{{#SAVED}}  <p class="notice" role="status" data-saved="{{WHAT}}">{{MESSAGE}}</p>
{{/SAVED}}{{#DETAIL}}  <section class="card bulletin-detail" data-notice-id="{{ID}}" data-state="{{STATE}}" data-importance="{{IMPORTANCE}}">
    <div class="heading-row">
      <h1>{{TITLE}}</h1>
      <span class="bulletin-state state-{{STATE}}">{{STATE_NAME}}</span>
    </div>
    <dl class="facts">
      <dt>重要性</dt><dd><span class="bulletin-importance importance-{{IMPORTANCE}}">{{IMPORTANCE_NAME}}</span></dd>
      <dt>发送范围</dt><dd data-audience>{{AUDIENCE}}</dd>
      <dt>发布时间</dt><dd>{{PUBLISH_AT}}</dd>
      <dt>过期时间</dt><dd>{{EXPIRES_AT}}</dd>
      <dt>撰写人</dt><dd>{{AUTHOR}}</dd>
    </dl>
    <div class="bulletin-body">{{BODY_HTML:none}}</div>
{{#ATTACHMENT}}    <p class="bulletin-file" data-attachment-id="{{ID}}">附件：<a href="/office/notice-file?id={{ID:u}}">{{NAME}}</a> <small class="hint">{{SIZE}}</small></p>
{{/ATTACHMENT}}    <div class="bulletin-actions">
{{#PRINT_LINK}}      <a class="button small" href="/office/notice?id={{ID:u}}&amp;print=1">打印张贴版（A4）</a>
{{/PRINT_LINK}}{{#PUBLISH}}      <form method="post" action="/office/notice?id={{ID:u}}" data-form="publish">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <input type="hidden" name="action" value="publish">
        <button type="submit" class="primary">发布</button>
      </form>
{{/PUBLISH}}{{#WITHDRAW}}      <form method="post" action="/office/notice?id={{ID:u}}" data-form="withdraw">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <input type="hidden" name="action" value="withdraw">
        <button type="submit" class="secondary">撤回公告</button>
      </form>
{{/WITHDRAW}}    </div>
  </section>
  <section class="card" data-section="read-rate" data-households="{{HOUSEHOLDS}}" data-read="{{READ}}">
    <h2>阅读率 <span class="hint">{{READ}} / {{HOUSEHOLDS}} 户 · {{RATE}}</span></h2>
    <p class="hint">住户：发送范围内现有人居住的房屋；已读：该房屋有人在业主端打开过这条公告。</p>
    <div class="table-scroll">
    <table class="list read-rates">
      <thead><tr><th>楼栋</th><th class="num">住户</th><th class="num">已读</th><th class="num">阅读率</th></tr></thead>
      <tbody>
{{#RATE}}        <tr data-building-code="{{CODE}}" data-households="{{HOUSEHOLDS}}" data-read="{{READ}}"><td>{{NAME}}</td><td class="num">{{HOUSEHOLDS}}</td><td class="num">{{READ}}</td><td class="num">{{RATE}}</td></tr>
{{/RATE}}      </tbody>
      <tfoot><tr class="total" data-building-code="" data-households="{{HOUSEHOLDS}}" data-read="{{READ}}"><th>合计</th><td class="num">{{HOUSEHOLDS}}</td><td class="num">{{READ}}</td><td class="num">{{RATE}}</td></tr></tfoot>
    </table>
    </div>
  </section>
{{/DETAIL}}{{#FORM}}  <section class="card" id="notice-form">
    <h2>{{HEADING}}</h2>
    <form class="stacked bulletin-form" method="post" action="{{ACTION}}" enctype="multipart/form-data" data-form="save" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="save">
      <label>标题 <input name="title" value="{{TITLE}}" maxlength="100" required></label>
{{#TITLE_ERROR}}      <p class="field-error" data-field="title">{{MESSAGE}}</p>
{{/TITLE_ERROR}}      <label>正文（空一行分段，网址会变成链接） <textarea name="body" rows="10" maxlength="10000" required>{{BODY:pre_escape}}</textarea></label>
{{#BODY_ERROR}}      <p class="field-error" data-field="body">{{MESSAGE}}</p>
{{/BODY_ERROR}}      <fieldset class="choice">
        <legend>重要性</legend>
        <div class="segmented">
          <label><input type="radio" name="importance" value="normal"{{#NORMAL_CHECKED}} checked{{/NORMAL_CHECKED}}> 普通</label>
          <label><input type="radio" name="importance" value="urgent"{{#URGENT_CHECKED}} checked{{/URGENT_CHECKED}}> 紧急（如停水停电）</label>
        </div>
      </fieldset>
{{#IMPORTANCE_ERROR}}      <p class="field-error" data-field="importance">{{MESSAGE}}</p>
{{/IMPORTANCE_ERROR}}      <fieldset class="choice">
        <legend>发送范围</legend>
        <div class="segmented">
          <label><input type="radio" name="audience" value="community"{{#COMMUNITY_CHECKED}} checked{{/COMMUNITY_CHECKED}}> 全小区</label>
          <label><input type="radio" name="audience" value="buildings"{{#BUILDINGS_CHECKED}} checked{{/BUILDINGS_CHECKED}}> 指定楼栋</label>
        </div>
        <div class="bulletin-buildings">
{{#BUILDING_OPTION}}          <label><input type="checkbox" name="building" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{NAME}}</label>
{{/BUILDING_OPTION}}        </div>
      </fieldset>
{{#AUDIENCE_ERROR}}      <p class="field-error" data-field="audience">{{MESSAGE}}</p>
{{/AUDIENCE_ERROR}}{{#BUILDING_ERROR}}      <p class="field-error" data-field="building">{{MESSAGE}}</p>
{{/BUILDING_ERROR}}      <label>发布时间（留空则在点“发布”时） <input type="datetime-local" name="publish_at" value="{{PUBLISH_AT}}"></label>
{{#PUBLISH_AT_ERROR}}      <p class="field-error" data-field="publish_at">{{MESSAGE}}</p>
{{/PUBLISH_AT_ERROR}}      <label>过期时间（留空则长期有效） <input type="datetime-local" name="expires_at" value="{{EXPIRES_AT}}"></label>
{{#EXPIRES_AT_ERROR}}      <p class="field-error" data-field="expires_at">{{MESSAGE}}</p>
{{/EXPIRES_AT_ERROR}}      <label>附件（PDF、PNG、JPEG 或 WebP，每个不超过 5 MB，还可添加 {{MAX_FILES}} 个） <input type="file" name="attachment" accept="application/pdf,image/png,image/jpeg,image/webp" multiple></label>
{{#ATTACHMENT_ERROR}}      <p class="field-error" data-field="attachment">{{MESSAGE}}</p>
{{/ATTACHMENT_ERROR}}{{#ACTION_ERROR}}      <p class="field-error" data-field="action">{{MESSAGE}}</p>
{{/ACTION_ERROR}}      <button type="submit" class="primary">保存草稿</button>
    </form>
  </section>
{{/FORM}}</article>
