{{%AUTOESCAPE context="HTML"}}<section class="card bulletins" data-page="office-notices">
  <div class="heading-row">
    <h1>公告</h1>
{{#MAY_WRITE}}    <a class="button small" href="/office/notice">写公告</a>
{{/MAY_WRITE}}  </div>
  <p class="hint">阅读率：受众楼栋中现有住户的房屋里，已有人在业主端打开公告的户数占比。</p>
{{#EMPTY}}  <p class="empty">还没有公告。</p>
{{/EMPTY}}  <div class="table-scroll">
  <table class="list bulletin-table">
    <thead><tr><th>标题</th><th>状态</th><th>重要性</th><th>发送范围</th><th>发布时间</th><th>过期时间</th><th>阅读率</th></tr></thead>
    <tbody>
{{#NOTICE}}      <tr data-notice-id="{{ID}}" data-state="{{STATE}}" data-importance="{{IMPORTANCE}}" data-households="{{HOUSEHOLDS}}" data-read="{{READ}}">
        <td><a href="/office/notice?id={{ID:u}}">{{TITLE}}</a><br><small class="hint">{{AUTHOR}}</small></td>
        <td><span class="bulletin-state state-{{STATE}}">{{STATE_NAME}}</span></td>
        <td><span class="bulletin-importance importance-{{IMPORTANCE}}">{{IMPORTANCE_NAME}}</span></td>
        <td>{{AUDIENCE}}</td>
        <td>{{PUBLISH_AT}}</td>
        <td>{{EXPIRES_AT}}</td>
        <td class="num">{{RATE}}<br><small class="hint">{{READ}}/{{HOUSEHOLDS}} 户</small></td>
      </tr>
{{/NOTICE}}    </tbody>
  </table>
  </div>
{{#PAGER}}  <nav class="pager" aria-label="翻页">
{{#PREV}}    <a rel="prev" href="/office/notices?page={{NUMBER:u}}">上一页</a>
{{/PREV}}    <span>第 {{PAGE}} / {{PAGES}} 页</span>
{{#NEXT}}    <a rel="next" href="/office/notices?page={{NUMBER:u}}">下一页</a>
{{/NEXT}}  </nav>
{{/PAGER}}</section>
