{{%AUTOESCAPE context="HTML"}}<article class="reno-office" data-page="office-renovation" data-renovation-id="{{ID}}" data-state="{{STATE}}">
{{>CASE_HEAD}}{{#SAVED}}  <p class="notice" role="status" data-saved="{{WHAT}}">{{MESSAGE}}</p>
{{/SAVED}}{{#CASE}}  <section class="card reno-case" data-section="facts">
    <h2>申请信息</h2>
    <dl class="facts">
      <dt>申请人</dt><dd data-applicant>{{APPLICANT_NAME}} {{APPLICANT_PHONE}} <small class="hint">{{SOURCE_NAME}}</small></dd>
      <dt>申请时间</dt><dd>{{CREATED_AT}}</dd>
      <dt>装修项目</dt><dd data-scope>{{SCOPE}}</dd>
      <dt>施工人数</dt><dd data-workers>{{WORKERS}} 人</dd>
      <dt>承诺</dt><dd>{{#NO_STRUCTURAL}}<span class="reno-undertaken" data-undertaking>✓ 承诺不改动承重结构</span>{{/NO_STRUCTURAL}}</dd>
    </dl>
    <h3>装修说明</h3>
    <p class="description">{{DESCRIPTION:pre_escape}}</p>
{{#LAST_REASON}}    <div class="reno-reason reason-{{KIND}}" data-reason="{{KIND}}">
      <h3>{{HEADING}}</h3>
      <p data-reason-note>{{NOTE:pre_escape}}</p>
      <p class="hint">{{AT}}</p>
    </div>
{{/LAST_REASON}}  </section>
  <section class="card" data-section="files">
    <h2>附件 <span class="hint">{{FILE_COUNT}} 个</span></h2>
{{#NO_FILES}}    <p class="empty">没有附件。</p>
{{/NO_FILES}}    <ul class="reno-files-list">
{{#FILE}}      <li data-file-id="{{ID}}" data-kind="{{KIND}}">{{KIND_NAME}}：<a href="{{URL}}" target="_blank" rel="noopener">{{NAME}}</a> <small class="hint">{{SIZE}}</small></li>
{{/FILE}}    </ul>
  </section>
{{#REVIEW}}  <section class="card action" data-action="review">
    <h2>资料审核</h2>
    <form class="stacked" method="post" action="/office/renovation?id={{ID:u}}" data-form="review" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="review">
      <input type="hidden" name="version" value="{{VERSION}}">
      <fieldset class="choice reno-checklist">
        <legend>核对无误的项目</legend>
{{#CHECK}}        <label><input type="checkbox" name="checklist" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{NAME}}</label>
{{/CHECK}}      </fieldset>
{{#CHECKLIST_ERROR}}      <p class="field-error" data-field="checklist">{{MESSAGE}}</p>
{{/CHECKLIST_ERROR}}      <fieldset class="choice">
        <legend>审核结果</legend>
        <div class="segmented">
          <label><input type="radio" name="decision" value="return"{{#RETURN_CHECKED}} checked{{/RETURN_CHECKED}}> 退回补充</label>
          <label><input type="radio" name="decision" value="refuse"{{#REFUSE_CHECKED}} checked{{/REFUSE_CHECKED}}> 不予批准</label>
        </div>
      </fieldset>
{{#DECISION_ERROR}}      <p class="field-error" data-field="decision">{{MESSAGE}}</p>
{{/DECISION_ERROR}}      <label>审核意见（退回：写明需补充的材料；不予批准：写明原因。业主可见） <textarea name="note" rows="3" maxlength="1000">{{NOTE:pre_escape}}</textarea></label>
{{#NOTE_ERROR}}      <p class="field-error" data-field="note">{{MESSAGE}}</p>
{{/NOTE_ERROR}}      <button type="submit" class="primary">提交审核结果</button>
      <p class="hint">资料齐全可批准的，请到“审批与收费”办理批准。</p>
    </form>
  </section>
{{/REVIEW}}  <section class="card" data-section="steps">
    <h2>办理记录</h2>
    <ol class="timeline">
{{#STEP}}      <li class="event" data-step="{{ACTION}}">
        <div class="event-head"><strong>{{ACTION_NAME}}</strong> <span class="hint">{{BY}} {{WHO}} · {{AT}}</span></div>
{{#CHECKLIST}}        <div class="event-detail">已核对：{{TEXT}}</div>
{{/CHECKLIST}}{{#NOTE}}        <p class="event-text">{{TEXT:pre_escape}}</p>
{{/NOTE}}      </li>
{{/STEP}}    </ol>
  </section>
{{#WITHDRAW}}  <section class="card action" data-action="withdraw">
    <form method="post" action="/office/renovation?id={{ID:u}}" data-form="withdraw">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="withdraw">
      <input type="hidden" name="version" value="{{VERSION}}">
      <button type="submit" class="secondary">撤回申请（业主要求）</button>
    </form>
  </section>
{{/WITHDRAW}}{{/CASE}}</article>
