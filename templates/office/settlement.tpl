{{%AUTOESCAPE context="HTML"}}<article class="fee-settlement" data-page="office-settlement" data-day="{{DAY}}" data-staff-id="{{STAFF_ID}}" data-state="{{STATE}}">
  <section class="card">
    <h1>日清 · {{STAFF_NAME}} · {{DAY}}</h1>
    <form class="filters no-print" method="get" action="/office/settlement">
      <label>日期 <input type="date" name="day" value="{{DAY}}"></label>
      <input type="hidden" name="staff" value="{{STAFF_ID}}">
      <div class="filter-buttons"><button type="submit" class="primary">查看</button> <a href="/office/settlement">今天</a></div>
    </form>
    <dl class="facts">
      <dt>收款员</dt><dd>{{STAFF_NAME}}</dd>
      <dt>状态</dt><dd><span class="settle-state settle-{{STATE}}" data-state-name>{{STATE_NAME}}</span></dd>
{{#CLOSED}}      <dt>日清时间</dt><dd data-closed-at>{{CLOSED_AT}}（{{CLOSED_COUNT}} 笔，合计 {{CLOSED_TOTAL}} 元）</dd>
{{/CLOSED}}{{#CHECKED}}      <dt>复核</dt><dd data-checked-by>{{CHECKER}} · {{CHECKED_AT}} · {{NOTE}}</dd>
{{/CHECKED}}      <dt>笔数</dt><dd data-count>{{COUNT}}</dd>
      <dt>合计（元）</dt><dd data-total>{{TOTAL}}</dd>
    </dl>
  </section>
  <section class="card">
    <h2>按收款方式</h2>
    <table class="list settle-sums">
      <thead><tr><th>方式</th><th class="num">笔数</th><th class="num">金额（元）</th></tr></thead>
      <tbody>
{{#SUM}}        <tr data-method="{{METHOD}}"><td>{{METHOD_NAME}}</td><td class="num">{{COUNT}}</td><td class="num" data-sum>{{TOTAL}}</td></tr>
{{/SUM}}      </tbody>
      <tfoot><tr><th>合计</th><td class="num">{{COUNT}}</td><td class="num" data-grand-total>{{TOTAL}}</td></tr></tfoot>
    </table>
  </section>
  <section class="card">
    <h2>收款与冲正明细</h2>
{{#NO_ENTRIES}}    <p class="empty">这一天没有收款。</p>
{{/NO_ENTRIES}}    <div class="table-wrap">
    <table class="list settle-entries">
      <thead><tr><th>收据号</th><th>时间</th><th>房号</th><th>类型</th><th>方式</th><th class="num">金额（元）</th></tr></thead>
      <tbody>
{{#ENTRY}}        <tr data-payment-id="{{ID}}" data-kind="{{KIND}}"><td><a href="/office/payment?id={{ID:u}}">{{RECEIPT_NO}}</a></td><td>{{TIME}}</td><td>{{UNIT_CODE}}</td><td>{{KIND_NAME}}</td><td>{{METHOD_NAME}}</td><td class="num">{{AMOUNT}}</td></tr>
{{/ENTRY}}      </tbody>
    </table>
    </div>
{{#CLOSE_FORM}}    <form method="post" action="/office/settlement?day={{DAY:u}}" data-action="close" class="no-print">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="close">
      <p class="hint">日清后本日不能再收款或冲正。请先清点现金和各渠道到账，与上面的合计核对一致。</p>
      <button type="submit" class="primary">日清（结账）</button>
    </form>
{{/CLOSE_FORM}}{{#CHECK_FORM}}    <form class="stacked no-print" method="post" action="/office/settlement?day={{DAY:u}}&amp;staff={{STAFF_ID:u}}" data-action="check">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="check">
      <label>复核意见（可不填） <input name="note" value="{{NOTE}}" maxlength="200"></label>
{{#NOTE_ERROR}}      <p class="field-error" data-field="note">{{MESSAGE}}</p>
{{/NOTE_ERROR}}      <button type="submit" class="primary">复核无误</button>
    </form>
{{/CHECK_FORM}}  </section>
  <section class="card no-print">
    <h2>最近的日清（{{RECENT_SCOPE}}）</h2>
{{#NO_RECENT}}    <p class="empty">还没有记录。</p>
{{/NO_RECENT}}    <table class="list settle-recent">
      <thead><tr><th>日期</th><th>收款员</th><th class="num">笔数</th><th class="num">合计（元）</th><th>状态</th></tr></thead>
      <tbody>
{{#RECENT}}        <tr data-staff-id="{{STAFF_ID}}" data-day="{{DAY}}" data-state="{{STATE}}"><td><a href="/office/settlement?day={{DAY:u}}&amp;staff={{STAFF_ID:u}}">{{DAY}}</a></td><td>{{STAFF_NAME}}</td><td class="num">{{COUNT}}</td><td class="num">{{TOTAL}}</td><td>{{STATE_NAME}}</td></tr>
{{/RECENT}}      </tbody>
    </table>
  </section>
</article>
