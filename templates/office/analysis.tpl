{{%AUTOESCAPE context="HTML"}}<section class="card analysis-head" data-page="office-analysis" data-month="{{MONTH}}">
  <div class="heading-row">
    <h1>{{MONTH_TITLE}} 统计分析</h1>
    <nav class="month-nav" aria-label="切换月份">
      <a href="/office/analysis?month={{PREVIOUS_MONTH:u}}" rel="prev" data-month-link="previous">‹ 上月 {{PREVIOUS_MONTH}}</a>
      <a href="/office/analysis" data-month-link="current">本月</a>
      <a href="/office/analysis?month={{NEXT_MONTH:u}}" rel="next" data-month-link="next">下月 {{NEXT_MONTH}} ›</a>
    </nav>
  </div>
  <p class="hint">{{COMMUNITY_NAME}} · 统计区间 {{RANGE_FROM}} 至 {{RANGE_TO}}（{{ZONE}}）· 生成于 {{GENERATED}}</p>
  <form class="month-pick" method="get" action="/office/analysis">
    <label for="analysis-month">月份</label>
    <input id="analysis-month" type="month" name="month" value="{{MONTH}}" min="2000-01" max="2099-12" required>
    <button type="submit" class="secondary">查看</button>
    <a class="button small ghost" href="/office/analysis?month={{MONTH:u}}&amp;format=csv" data-export="csv">导出 Excel（CSV）</a>
  </form>
</section>

<section class="card analysis-part" data-part="classification">
  <h2>一、分类统计 <span class="hint">顾客投诉分类统计表 · 本月登记的全部工单（含已撤销）</span></h2>
  <svg class="chart" data-chart="kinds" viewBox="0 0 {{CHART_WIDTH}} {{KIND_CHART_HEIGHT}}" width="100%" role="img" aria-label="按类型的本月与上月件数">
{{#KIND}}    <g data-kind="{{KIND}}">
      <text class="chart-label" x="{{LABEL_X}}" y="{{LABEL_Y}}" text-anchor="end">{{KIND_NAME}}</text>
      <rect class="chart-bar kind-{{KIND}}" x="{{BAR_LEFT}}" y="{{Y}}" width="{{WIDTH}}" height="14"></rect>
      <rect class="chart-bar previous" x="{{BAR_LEFT}}" y="{{PREVIOUS_Y}}" width="{{PREVIOUS_WIDTH}}" height="8"></rect>
      <text class="chart-value" x="{{VALUE_X}}" y="{{LABEL_Y}}">{{COUNT}} 件<tspan class="chart-previous">（上月 {{PREVIOUS}}）</tspan></text>
    </g>
{{/KIND}}  </svg>
  <p class="chart-legend"><span class="swatch this"></span>本月 <span class="swatch previous"></span>上月</p>
  <div class="table-scroll">
  <table class="list figures" data-figure="kinds">
    <thead><tr><th>类型</th><th class="num">本月件数</th><th class="num">占比</th><th class="num">上月件数</th><th class="num">增减</th></tr></thead>
    <tbody>
{{#KIND}}      <tr data-kind="{{KIND}}"><td>{{KIND_NAME}}</td><td class="num" data-col="count" data-count="{{COUNT}}">{{COUNT}}</td><td class="num" data-col="share" data-value="{{SHARE}}">{{SHARE_TEXT}}</td><td class="num" data-col="previous" data-count="{{PREVIOUS}}">{{PREVIOUS}}</td><td class="num change {{CHANGE_CLASS}}" data-col="change" data-value="{{CHANGE}}">{{CHANGE}}</td></tr>
{{/KIND}}    </tbody>
  </table>
  </div>
  <h3>按类别</h3>
  <div class="table-scroll">
  <table class="list figures" data-figure="classification">
    <thead><tr><th>类型</th><th>类别</th><th class="num">本月件数</th><th class="num">占比</th><th class="num">上月件数</th><th class="num">增减</th></tr></thead>
    <tbody>
{{#CATEGORY}}      <tr data-kind="{{KIND}}" data-category="{{CODE}}"><td>{{KIND_NAME}}</td><td>{{NAME}}</td><td class="num" data-col="count" data-count="{{COUNT}}">{{COUNT}}</td><td class="num" data-col="share" data-value="{{SHARE}}">{{SHARE_TEXT}}</td><td class="num" data-col="previous" data-count="{{PREVIOUS}}">{{PREVIOUS}}</td><td class="num change {{CHANGE_CLASS}}" data-col="change" data-value="{{CHANGE}}">{{CHANGE}}</td></tr>
{{/CATEGORY}}{{#NO_CATEGORY}}      <tr class="empty"><td colspan="6">本月和上月都没有登记工单。</td></tr>
{{/NO_CATEGORY}}    </tbody>
    <tfoot>
      <tr data-total="1"><th colspan="2">合计</th><td class="num" data-col="count" data-count="{{TOTAL}}">{{TOTAL}}</td><td class="num" data-col="share" data-value="{{TOTAL_SHARE}}">{{TOTAL_SHARE_TEXT}}</td><td class="num" data-col="previous" data-count="{{PREVIOUS_TOTAL}}">{{PREVIOUS_TOTAL}}</td><td class="num change {{CHANGE_CLASS}}" data-col="change" data-value="{{CHANGE}}">{{CHANGE}}</td></tr>
    </tfoot>
  </table>
  </div>
</section>

<section class="card analysis-part" data-part="on-time">
  <h2>二、按时率 <span class="hint">本月登记工单的限时承诺，按实际时间判断</span></h2>
  <svg class="chart" data-chart="on-time" viewBox="0 0 {{CHART_WIDTH}} {{CLOCK_CHART_HEIGHT}}" width="100%" role="img" aria-label="响应、上门、办结的按时率">
{{#CLOCK}}    <g data-clock="{{CLOCK}}">
      <text class="chart-label" x="{{LABEL_X}}" y="{{LABEL_Y}}" text-anchor="end">{{NAME}}</text>
      <rect class="chart-track" x="{{BAR_LEFT}}" y="{{Y}}" width="{{BAR_SPAN}}" height="18"></rect>
      <rect class="chart-bar rate-{{BAR_CLASS}}" x="{{BAR_LEFT}}" y="{{Y}}" width="{{WIDTH}}" height="18"></rect>
      <text class="chart-value" x="{{VALUE_X}}" y="{{LABEL_Y}}">{{RATE_TEXT}}</text>
    </g>
{{/CLOCK}}  </svg>
  <div class="table-scroll">
  <table class="list figures" data-figure="on-time">
    <thead><tr><th>时限</th><th class="num">考核件数</th><th class="num">按时</th><th class="num">超时</th><th class="num">未到期</th><th class="num">按时率</th></tr></thead>
    <tbody>
{{#CLOCK}}      <tr data-clock="{{CLOCK}}"><td>{{NAME}}</td><td class="num" data-col="decided" data-count="{{DECIDED}}">{{DECIDED}}</td><td class="num" data-col="met" data-count="{{MET}}">{{MET}}</td><td class="num" data-col="late" data-count="{{LATE}}">{{LATE}}</td><td class="num" data-col="pending" data-count="{{PENDING}}">{{PENDING}}</td><td class="num" data-col="rate" data-value="{{RATE}}">{{RATE_TEXT}}</td></tr>
{{/CLOCK}}    </tbody>
  </table>
  </div>
  <p class="hint">按时：响应、上门或完成的时间不晚于承诺时限。超时：晚于时限，或时限已过仍未做到（等待业主回复时计时暂停，已撤销的不计）。未到期的不计入按时率。上门时限只考核报修。</p>
</section>

<section class="card analysis-part" data-part="service">
  <h2>三、回访、评价与有偿维修 <span class="hint">本月完成的工单</span></h2>
  <div class="figure-grid">
    <table class="list figures" data-figure="callback">
      <caption>回访率</caption>
      <tbody>
        <tr><th>本月完成</th><td class="num" data-col="completed" data-count="{{COMPLETED}}">{{COMPLETED}}</td></tr>
        <tr><th>已回访</th><td class="num" data-col="callbacks" data-count="{{CALLBACKS}}">{{CALLBACKS}}</td></tr>
        <tr><th>回访率</th><td class="num big" data-col="rate" data-value="{{CALLBACK_RATE}}">{{CALLBACK_RATE_TEXT}}</td></tr>
      </tbody>
    </table>
    <table class="list figures" data-figure="rating">
      <caption>业主评价</caption>
      <tbody>
        <tr><th>评价件数</th><td class="num" data-col="ratings" data-count="{{RATINGS}}">{{RATINGS}}</td></tr>
        <tr><th>平均分（5 分制）</th><td class="num big" data-col="average" data-value="{{RATING_AVERAGE}}">{{RATING_AVERAGE_TEXT}}</td></tr>
      </tbody>
    </table>
    <table class="list figures" data-figure="income">
      <caption>有偿维修</caption>
      <tbody>
        <tr><th>收费件数</th><td class="num" data-col="charged" data-count="{{CHARGED}}">{{CHARGED}}</td></tr>
        <tr><th>收入（元）</th><td class="num big" data-col="amount" data-value="{{CHARGE_FEN}}">{{CHARGE_TEXT}}</td></tr>
      </tbody>
    </table>
  </div>
</section>

<section class="card analysis-part" data-part="repeated">
  <h2>四、重复报事 <span class="hint">本月登记，公共区域的工单不计入房号和楼栋</span></h2>
  <div class="figure-grid wide">
    <div>
      <h3>同一房号 2 次及以上</h3>
      <div class="table-scroll">
      <table class="list figures" data-figure="units">
        <thead><tr><th>房号</th><th class="num">件数</th><th>类别</th></tr></thead>
        <tbody>
{{#UNIT}}          <tr data-unit="{{CODE}}"><td>{{CODE}}</td><td class="num" data-col="count" data-count="{{COUNT}}">{{COUNT}}</td><td data-col="categories">{{CATEGORIES}}</td></tr>
{{/UNIT}}{{#NO_UNIT}}          <tr class="empty"><td colspan="3">没有重复报事的房号。</td></tr>
{{/NO_UNIT}}        </tbody>
      </table>
      </div>
    </div>
    <div>
      <h3>报事最多的楼栋</h3>
      <div class="table-scroll">
      <table class="list figures" data-figure="buildings">
        <thead><tr><th>楼栋</th><th class="num">件数</th><th>类别</th></tr></thead>
        <tbody>
{{#BUILDING}}          <tr data-building="{{CODE}}"><td>{{NAME}}</td><td class="num" data-col="count" data-count="{{COUNT}}">{{COUNT}}</td><td data-col="categories">{{CATEGORIES}}</td></tr>
{{/BUILDING}}{{#NO_BUILDING}}          <tr class="empty"><td colspan="3">本月没有房号的工单。</td></tr>
{{/NO_BUILDING}}        </tbody>
      </table>
      </div>
    </div>
  </div>
  <h3>报事最多的类别</h3>
  <div class="table-scroll">
  <table class="list figures" data-figure="top-categories">
    <thead><tr><th class="num">名次</th><th>类型</th><th>类别</th><th class="num">件数</th><th class="num">占比</th></tr></thead>
    <tbody>
{{#TOP_CATEGORY}}      <tr data-kind="{{KIND}}" data-category="{{CODE}}"><td class="num">{{RANK}}</td><td>{{KIND_NAME}}</td><td>{{NAME}}</td><td class="num" data-col="count" data-count="{{COUNT}}">{{COUNT}}</td><td class="num">{{SHARE_TEXT}}</td></tr>
{{/TOP_CATEGORY}}{{#NO_TOP_CATEGORY}}      <tr class="empty"><td colspan="5">本月没有登记工单。</td></tr>
{{/NO_TOP_CATEGORY}}    </tbody>
  </table>
  </div>
</section>
