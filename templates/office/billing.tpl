{{%AUTOESCAPE context="HTML"}}<section class="card fee-billing" data-page="office-billing">
  <h1>出账</h1>
{{#RUN_DONE}}  <p class="notice" role="status" data-run-bills="{{BILLS}}">{{#MADE}}已为 {{PERIOD}} 生成 <strong>{{BILLS}}</strong> 张账单（{{LINES}} 行），合计 <strong>{{TOTAL}}</strong> 元。{{/MADE}}{{#NOTHING}}{{PERIOD}} 没有新的账单：各房屋本月账单均已生成。之后录入的抄表读数和有偿维修费计入下一期账单。{{/NOTHING}}</p>
{{/RUN_DONE}}{{#RUN_FORM}}  <form class="inline-form" method="post" action="/office/billing" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="action" value="run">
    <label>账期 <input name="period" type="month" value="{{PERIOD}}" maxlength="7" placeholder="2026-11" required></label>
    <button type="submit" class="primary">生成账单</button>
{{#PERIOD_ERROR}}    <p class="field-error" data-field="period">{{MESSAGE}}</p>
{{/PERIOD_ERROR}}    <p class="hint">按当月 1 日有效的收费标准，为每户生成一张月度账单：面积与固定收费、已录入未出账的抄表读数、当月在租的车位、月底前完成的有偿维修。同一月份重复出账不会重复生成。</p>
  </form>
{{/RUN_FORM}}</section>

<section class="card fee-periods">
  <h2>各月账单</h2>
{{#NO_PERIODS}}  <p class="empty">还没有出过账。</p>
{{/NO_PERIODS}}  <table class="list periods">
    <thead><tr><th>账期</th><th>账单数</th><th>应收（元）</th><th>已收（元）</th><th>收缴率</th></tr></thead>
    <tbody>
{{#PERIOD_ROW}}      <tr data-period="{{PERIOD}}" data-amount-fen="{{AMOUNT_FEN}}" data-paid-fen="{{PAID_FEN}}"><td><a href="/office/billing?period={{PERIOD:u}}">{{PERIOD}}</a></td><td>{{BILLS}}</td><td class="num">{{AMOUNT}}</td><td class="num">{{PAID}}</td><td class="num{{#BELOW_TARGET}} below-target{{/BELOW_TARGET}}">{{RATE}}</td></tr>
{{/PERIOD_ROW}}    </tbody>
  </table>
  <p class="hint">收缴率目标：每月不低于 95%。</p>
</section>

{{#BILLS}}<section class="card fee-bills" data-period="{{PERIOD}}">
  <h2>{{PERIOD}} 的账单</h2>
  <form class="filters" method="get" action="/office/billing">
    <input type="hidden" name="period" value="{{PERIOD}}">
    <label>楼栋
      <select name="building">
        <option value="">全部</option>
{{#BUILDING_OPTION}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/BUILDING_OPTION}}      </select>
    </label>
    <div class="filter-buttons"><button type="submit" class="primary">查看</button></div>
  </form>
  <p class="count">共 <strong data-count>{{TOTAL}}</strong> 张 · 第 {{PAGE}} / {{PAGES}} 页</p>
{{#EMPTY}}  <p class="empty">这个月份没有账单。</p>
{{/EMPTY}}  <table class="list bills">
    <thead><tr><th>房号</th><th>业主</th><th>类型</th><th>应收（元）</th><th>已收（元）</th><th>欠缴（元）</th><th>状态</th></tr></thead>
    <tbody>
{{#BILL}}      <tr data-bill-id="{{ID}}" data-unit-code="{{UNIT_CODE}}" data-owed-fen="{{OWED_FEN}}"><td><a href="/office/bill?id={{ID:u}}">{{UNIT_CODE}}</a></td><td>{{OWNERS}}</td><td>{{KIND_NAME}}<small>{{LINES}} 项</small></td><td class="num">{{AMOUNT}}</td><td class="num">{{PAID}}</td><td class="num">{{OWED}}</td><td>{{#SETTLED}}<span class="badge paid">已缴清</span>{{/SETTLED}}{{#PARTLY}}<span class="badge partly">部分缴纳</span>{{/PARTLY}}{{#UNPAID}}<span class="badge unpaid">未缴</span>{{/UNPAID}}</td></tr>
{{/BILL}}    </tbody>
  </table>
  <nav class="pager" aria-label="翻页">
{{#PREV}}    <a rel="prev" href="/office/billing?period={{PERIOD:u}}&amp;building={{BUILDING:u}}&amp;page={{NUMBER:u}}">上一页</a>
{{/PREV}}    <span>第 {{PAGE}} / {{PAGES}} 页</span>
{{#NEXT}}    <a rel="next" href="/office/billing?period={{PERIOD:u}}&amp;building={{BUILDING:u}}&amp;page={{NUMBER:u}}">下一页</a>
{{/NEXT}}  </nav>
</section>
{{/BILLS}}{{#ONEOFF_FORM}}<section class="card fee-oneoff">
  <h2>临时收费</h2>
  <p class="hint">为一户开一张一次性账单（如专项维修资金、有偿服务），开出后即可收款。</p>
  <form class="stacked" method="post" action="/office/billing" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="action" value="oneoff">
    <label>房号 <input name="unit" value="{{UNIT}}" maxlength="20" placeholder="1-1-101" required></label>
{{#UNIT_ERROR}}    <p class="field-error" data-field="unit">{{MESSAGE}}</p>
{{/UNIT_ERROR}}    <label>收费项目 <select name="item" required>
        <option value="">请选择</option>
{{#ITEM_OPTION}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}{{#USUAL}}（常用 {{USUAL}} 元）{{/USUAL}}</option>
{{/ITEM_OPTION}}      </select></label>
{{#ITEM_ERROR}}    <p class="field-error" data-field="item">{{MESSAGE}}</p>
{{/ITEM_ERROR}}    <label>金额（元） <input name="amount" value="{{AMOUNT}}" inputmode="decimal" maxlength="12" required></label>
{{#AMOUNT_ERROR}}    <p class="field-error" data-field="amount">{{MESSAGE}}</p>
{{/AMOUNT_ERROR}}    <label>说明 <input name="description" value="{{DESCRIPTION}}" maxlength="100" placeholder="不填则用项目名称"></label>
{{#DESCRIPTION_ERROR}}    <p class="field-error" data-field="description">{{MESSAGE}}</p>
{{/DESCRIPTION_ERROR}}    <button type="submit" class="primary">开单</button>
  </form>
</section>
{{/ONEOFF_FORM}}<section class="card fee-runs">
  <h2>出账记录</h2>
  <table class="list runs">
    <thead><tr><th>时间</th><th>账期</th><th>操作人</th><th>新账单</th><th>行数</th><th>合计（元）</th></tr></thead>
    <tbody>
{{#RUN_ROW}}      <tr data-run-id="{{ID}}"><td>{{AT}}</td><td>{{PERIOD}}</td><td>{{WHO}}</td><td>{{BILLS}}</td><td>{{LINES}}</td><td class="num">{{TOTAL}}</td></tr>
{{/RUN_ROW}}    </tbody>
  </table>
</section>
