{{%AUTOESCAPE context="HTML"}}<section class="card queue" data-page="office-callbacks" data-total="{{TOTAL}}">
  <h1>待回访</h1>
  <p class="hint">已完成的工单都要回访业主（回访率 100%）。接通并记录后即可关闭工单；未接通的可稍后再次回访。最早完成的排在最前。</p>
  <p class="count">共 <strong data-count>{{TOTAL}}</strong> 条 · 第 {{PAGE}} / {{PAGES}} 页</p>
{{#EMPTY}}  <p class="empty">没有等待回访的工单。</p>
{{/EMPTY}}  <table class="list tickets callbacks">
    <thead><tr><th>工单</th><th>房号 / 位置</th><th>内容</th><th>业主 / 电话</th><th>完成</th><th>上次回访</th></tr></thead>
    <tbody>
{{#ROW}}      <tr class="ticket-row" data-ticket-id="{{ID}}" data-status="{{STATUS}}">
        <td class="code"><a href="/office/ticket?id={{ID:u}}">{{CODE}}</a><small>{{KIND_NAME}} · {{CATEGORY_NAME}}</small></td>
        <td class="where">{{WHERE}}</td>
        <td class="desc">{{DESCRIPTION}}</td>
        <td class="handler">{{REPORTER}}<small>{{PHONE}}</small></td>
        <td class="due">{{COMPLETED_AT}}<small>{{HANDLED_BY}} · {{WAITED}}</small></td>
        <td class="state">{{#MISSED}}<span class="badge missed" data-callback="missed">未接通，可再次回访</span><small>{{AT}} {{BY}}</small>{{#NOTE}}<small>{{TEXT}}</small>{{/NOTE}}{{/MISSED}}{{#MAY_CALL}} <a href="/office/ticket?id={{ID:u}}">去回访</a>{{/MAY_CALL}}</td>
      </tr>
{{/ROW}}    </tbody>
  </table>
  <nav class="pager" aria-label="翻页">
{{#PREV}}    <a rel="prev" href="/office/callbacks?page={{NUMBER:u}}">上一页</a>
{{/PREV}}    <span>第 {{PAGE}} / {{PAGES}} 页</span>
{{#NEXT}}    <a rel="next" href="/office/callbacks?page={{NUMBER:u}}">下一页</a>
{{/NEXT}}  </nav>
</section>
