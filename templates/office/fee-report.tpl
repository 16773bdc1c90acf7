{{%AUTOESCAPE context="HTML"}}<section class="card fee-report" data-page="office-fee-report" data-year="{{YEAR}}">
  <div class="heading-row">
    <h1>{{YEAR}} 年收费报表</h1>
    <nav class="month-nav" aria-label="切换年份">
      <a href="/office/fee-report?year={{PREVIOUS_YEAR:u}}" rel="prev">‹ {{PREVIOUS_YEAR}}</a>
      <a href="/office/fee-report">今年</a>
      <a href="/office/fee-report?year={{NEXT_YEAR:u}}" rel="next">{{NEXT_YEAR}} ›</a>
    </nav>
  </div>
  <p class="hint">{{COMMUNITY_NAME}} · 生成于 {{GENERATED}} · <a href="/office/fee-report?year={{YEAR:u}}&amp;format=csv" data-export="csv">导出 Excel（CSV）</a></p>
</section>

<section class="card fee-report-part" data-part="collection">
  <h2>一、收缴率 <span class="hint">各月账单的已收 / 应收（按当前缴费情况），低于 95% 的标红</span></h2>
{{#NO_BILLS}}  <p class="empty">这一年还没有月度账单。</p>
{{/NO_BILLS}}  <div class="table-scroll">
  <table class="list figures rate-grid" data-figure="collection">
    <thead><tr><th>楼栋</th>{{#MONTH_HEAD}}<th class="num">{{MONTH}}月</th>{{/MONTH_HEAD}}<th class="num">全年</th></tr></thead>
    <tbody>
{{#BUILDING}}      <tr data-building="{{CODE}}"><th>{{NAME}}</th>{{#CELL}}<td class="num{{#BELOW}} below-target{{/BELOW}}" data-month="{{MONTH}}" data-value="{{VALUE}}" data-amount-fen="{{AMOUNT_FEN}}" data-paid-fen="{{PAID_FEN}}">{{TEXT}}</td>{{/CELL}}</tr>
{{/BUILDING}}{{#ALL_BUILDINGS}}      <tr class="total" data-building=""><th>全部</th>{{#CELL}}<td class="num{{#BELOW}} below-target{{/BELOW}}" data-month="{{MONTH}}" data-value="{{VALUE}}" data-amount-fen="{{AMOUNT_FEN}}" data-paid-fen="{{PAID_FEN}}">{{TEXT}}</td>{{/CELL}}</tr>
{{/ALL_BUILDINGS}}    </tbody>
  </table>
  </div>
</section>

<section class="card fee-report-part" data-part="arrears" data-units="{{ARREARS_UNITS}}" data-owed-fen="{{ARREARS_FEN}}">
  <h2>二、欠费账龄 <span class="hint">截至今日已逾期未缴的账单 · <a href="/office/arrears">欠费明细</a></span></h2>
  <table class="list figures" data-figure="arrears">
    <thead><tr><th>欠费时长</th><th class="num">户数</th><th class="num">金额（元）</th></tr></thead>
    <tbody>
{{#BUCKET}}      <tr data-bucket="{{INDEX}}"><th>{{NAME}}</th><td class="num" data-col="units" data-value="{{UNITS}}">{{UNITS}}</td><td class="num" data-col="owed" data-value="{{OWED_FEN}}">{{OWED}}</td></tr>
{{/BUCKET}}      <tr class="total"><th>合计</th><td class="num" data-col="units" data-value="{{ARREARS_UNITS}}">{{ARREARS_UNITS}}</td><td class="num" data-col="owed" data-value="{{ARREARS_FEN}}">{{ARREARS}}</td></tr>
    </tbody>
  </table>
</section>

<section class="card fee-report-part" data-part="income">
  <h2>三、按收费项目的实收 <span class="hint">元 · 按收款月份，冲正计入冲正当月（负数）</span></h2>
{{#NO_INCOME}}  <p class="empty">这一年还没有收款。</p>
{{/NO_INCOME}}  <div class="table-scroll">
  <table class="list figures income-grid" data-figure="income">
    <thead><tr><th>收费项目</th>{{#MONTH_HEAD}}<th class="num">{{MONTH}}月</th>{{/MONTH_HEAD}}<th class="num">全年</th></tr></thead>
    <tbody>
{{#ITEM}}      <tr data-item="{{ID}}"><th>{{NAME}}</th>{{#CELL}}<td class="num" data-month="{{MONTH}}" data-value="{{VALUE}}">{{TEXT}}</td>{{/CELL}}</tr>
{{/ITEM}}{{#INCOME_TOTAL}}      <tr class="total" data-item="total"><th>合计</th>{{#CELL}}<td class="num" data-month="{{MONTH}}" data-value="{{VALUE}}">{{TEXT}}</td>{{/CELL}}</tr>
{{/INCOME_TOTAL}}    </tbody>
  </table>
  </div>
</section>
