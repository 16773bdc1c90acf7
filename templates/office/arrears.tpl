{{%AUTOESCAPE context="HTML"}}{{#LIST}}<section class="card arrears" data-page="office-arrears" data-total-units="{{TOTAL_UNITS}}" data-total-owed-fen="{{TOTAL_OWED_FEN}}">
  <div class="queue-head">
    <h1>欠费管理</h1>
    <div class="queue-actions">
{{#MAY_NOTICE}}      <a class="button small" href="/office/arrears?notice=1&amp;building={{BUILDING:u}}" data-notice-link>打印缴费通知单</a>
{{/MAY_NOTICE}}      <a class="button small ghost" href="/office/fee-report">收费报表</a>
    </div>
  </div>
  <div class="arrears-totals">
    <p class="arrears-sum">欠费房屋 <strong data-total-units>{{TOTAL_UNITS}}</strong> 户，欠费合计 <strong data-total-owed>¥{{TOTAL_OWED}}</strong></p>
    <table class="figures arrears-buckets">
      <thead><tr><th>欠费时长</th><th>户数</th><th>金额（元）</th></tr></thead>
      <tbody>
{{#BUCKET}}        <tr data-bucket="{{INDEX}}"><th>{{NAME}}</th><td data-value="{{UNITS}}" data-bucket-units>{{UNITS}}</td><td data-value="{{OWED_FEN}}" data-bucket-owed>{{OWED}}</td></tr>
{{/BUCKET}}      </tbody>
    </table>
  </div>
  <form class="filters" method="get" action="/office/arrears">
    <label>楼栋
      <select name="building">
        <option value="">全部</option>
{{#BUILDING_OPTION}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/BUILDING_OPTION}}      </select>
    </label>
    <label>欠费时长
      <select name="age">
        <option value="">不限</option>
{{#AGE_OPTION}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{CODE}} 个月及以上</option>
{{/AGE_OPTION}}      </select>
    </label>
    <label>欠费原因
      <select name="reason">
        <option value="">全部</option>
{{#REASON_OPTION}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/REASON_OPTION}}      </select>
    </label>
    <div class="filter-buttons">
      <button type="submit" class="primary">筛选</button>
      <a href="/office/arrears">清除</a>
    </div>
  </form>
  <p class="count">共 <strong data-count>{{TOTAL}}</strong> 户 · 第 {{PAGE}} / {{PAGES}} 页 · 金额只计已过缴费期限的账单</p>
{{#EMPTY}}  <p class="empty">没有符合条件的欠费房屋。</p>
{{/EMPTY}}  <table class="list arrears-list">
    <thead><tr><th>房号</th><th>业主</th><th>欠费（元）</th><th>时长</th><th>原因</th><th>最近跟进</th><th>承诺缴费</th></tr></thead>
    <tbody>
{{#ROW}}      <tr data-unit-code="{{UNIT_CODE}}" data-owed-fen="{{OWED_FEN}}" data-age="{{AGE}}" data-reason="{{REASON}}">
        <td class="code"><a href="/office/arrears?unit={{UNIT_CODE:u}}">{{UNIT_CODE}}</a></td>
        <td>{{OWNERS}}</td>
        <td class="money">{{OWED}}<small>{{BILLS}} 张账单</small></td>
        <td class="age">{{AGE}} 个月<small>自 {{OLDEST}}</small></td>
        <td>{{REASON_NAME}}</td>
        <td class="follow-up">{{LAST}}</td>
        <td>{{#PROMISE}}<span class="promise{{#BROKEN}} broken{{/BROKEN}}">{{DATE}}{{#BROKEN}}（已逾期）{{/BROKEN}}</span>{{/PROMISE}}</td>
      </tr>
{{/ROW}}    </tbody>
  </table>
  <nav class="pager" aria-label="翻页">
{{#PREV}}    <a rel="prev" href="/office/arrears?building={{BUILDING:u}}&amp;age={{AGE:u}}&amp;reason={{REASON:u}}&amp;page={{NUMBER:u}}">上一页</a>
{{/PREV}}    <span>第 {{PAGE}} / {{PAGES}} 页</span>
{{#NEXT}}    <a rel="next" href="/office/arrears?building={{BUILDING:u}}&amp;age={{AGE:u}}&amp;reason={{REASON:u}}&amp;page={{NUMBER:u}}">下一页</a>
{{/NEXT}}  </nav>
</section>
{{/LIST}}{{#DETAIL}}<section class="card arrears-unit" data-page="office-arrears-unit" data-unit-code="{{UNIT_CODE}}" data-owed-fen="{{OWED_FEN}}">
  <p class="crumbs"><a href="/office/arrears">‹ 欠费管理</a></p>
  <div class="queue-head">
    <h1>欠费 · {{UNIT_CODE}}</h1>
    <div class="queue-actions">
      <a class="button small" href="/office/payment?unit={{UNIT_CODE:u}}">收款</a>
      <a class="button small ghost" href="/office/unit?id={{UNIT_ID:u}}">房屋档案</a>
      <a class="button small ghost" href="/office/arrears?notice=1&amp;unit={{UNIT_CODE:u}}">缴费通知单</a>
    </div>
  </div>
  <p>业主：{{OWNERS}} · 已逾期欠费 <strong data-owed>¥{{OWED}}</strong>{{#IN_ARREARS}}，欠费 <strong data-age="{{AGE}}">{{AGE}}</strong> 个月{{/IN_ARREARS}}</p>
{{#NOT_IN_ARREARS}}  <p class="notice">这套房屋目前没有逾期未缴的账单。</p>
{{/NOT_IN_ARREARS}}  <table class="list arrears-bills">
    <thead><tr><th>账期</th><th>收费项目</th><th>缴费期限</th><th>应收</th><th>已收</th><th>欠费</th></tr></thead>
    <tbody>
{{#BILL}}      <tr data-bill-id="{{ID}}" data-owed-fen="{{OWED_FEN}}"><td><a href="/office/bill?id={{ID:u}}">{{PERIOD}}</a></td><td>{{ITEMS}}</td><td>{{DUE}}</td><td class="money">{{AMOUNT}}</td><td class="money">{{PAID}}</td><td class="money">{{OWED}}</td></tr>
{{/BILL}}    </tbody>
  </table>
  <h2>欠费原因与跟进记录</h2>
{{#NO_NOTES}}  <p class="hint">还没有跟进记录。</p>
{{/NO_NOTES}}  <ol class="arrears-notes">
{{#NOTE}}    <li data-note-id="{{ID}}" data-kind="{{KIND}}"><strong>{{KIND_NAME}}</strong>{{#WITH_REASON}} · {{NAME}}{{/WITH_REASON}}{{#WITH_PROMISE}} · 承诺 {{DATE}} 前缴清{{/WITH_PROMISE}} <small>{{AT}} {{STAFF}}</small><p class="note-text">{{TEXT:pre_escape}}</p></li>
{{/NOTE}}  </ol>
{{#NOTE_FORM}}  <form class="stacked arrears-note-form" method="post" action="/office/arrears" novalidate>
    <h2>登记跟进</h2>
    <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="note"><input type="hidden" name="unit" value="{{UNIT_CODE}}">
    <label>跟进方式
      <select name="kind">
{{#KIND_OPTION}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/KIND_OPTION}}      </select>
    </label>
{{#KIND_ERROR}}    <p class="field-error" data-field="kind">{{MESSAGE}}</p>
{{/KIND_ERROR}}    <label>欠费原因（登记原因时必选）
      <select name="reason">
        <option value="">（不填）</option>
{{#REASON_OPTION}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/REASON_OPTION}}      </select>
    </label>
{{#REASON_ERROR}}    <p class="field-error" data-field="reason">{{MESSAGE}}</p>
{{/REASON_ERROR}}    <label>情况说明（电话、上门必填，500 字以内） <textarea name="text" maxlength="500" rows="3">{{TEXT:pre_escape}}</textarea></label>
{{#TEXT_ERROR}}    <p class="field-error" data-field="text">{{MESSAGE}}</p>
{{/TEXT_ERROR}}    <label>承诺缴费日期（承诺缴费时必填） <input type="date" name="promise_date" value="{{PROMISE_DATE}}" min="{{TODAY}}"></label>
{{#PROMISE_DATE_ERROR}}    <p class="field-error" data-field="promise_date">{{MESSAGE}}</p>
{{/PROMISE_DATE_ERROR}}    <button type="submit" class="primary">保存</button>
  </form>
{{/NOTE_FORM}}</section>
{{/DETAIL}}