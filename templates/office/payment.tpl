{{%AUTOESCAPE context="HTML"}}<article class="fee-payment" data-page="office-payment">
{{#SEARCH}}  <section class="card">
    <h1>收款</h1>
    <form class="pay-search" method="get" action="/office/payment">
      <label>房号 <input name="unit" value="{{UNIT}}" maxlength="20" placeholder="例如 1-1-101" required autofocus></label>
{{#UNIT_ERROR}}      <p class="field-error" data-field="unit">{{MESSAGE}}</p>
{{/UNIT_ERROR}}      <button type="submit" class="primary">查找账单</button>
    </form>
    <p class="hint">输入房号查看该房屋的未缴账单并收款。查看今日收款请到 <a href="/office/settlement">日清</a>。</p>
  </section>
{{/SEARCH}}{{#UNIT_FORM}}  <section class="card" data-unit-id="{{UNIT_ID}}" data-unit-code="{{UNIT_CODE}}">
    <p class="crumbs"><a href="/office/payment">收款</a> › {{UNIT_CODE}}</p>
    <h1>收款 · {{UNIT_CODE}}</h1>
    <dl class="facts">
      <dt>房号</dt><dd><a href="/office/unit?id={{UNIT_ID:u}}">{{UNIT_CODE}}</a></dd>
      <dt>业主</dt><dd data-owners>{{OWNERS}}</dd>
    </dl>
  </section>
{{#NO_BILLS}}  <section class="card"><p class="empty" data-no-bills>该房屋没有未缴账单。</p></section>
{{/NO_BILLS}}{{#PAY}}  <section class="card">
    <h2>未缴账单</h2>
    <form class="pay-form" method="post" action="/office/payment?unit={{UNIT_CODE:u}}" data-form="payment">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="form_key" value="{{FORM_KEY}}">
      <div class="table-wrap">
      <table class="list pay-bills">
        <thead><tr><th>选择</th><th>账期</th><th class="wide">类型</th><th class="wide">缴费期限</th><th class="num">应收</th><th class="num wide">已收</th><th class="num">欠费</th></tr></thead>
        <tbody>
{{#BILL}}          <tr data-bill-id="{{ID}}" data-owed="{{OWED}}">
            <td><input type="checkbox" name="bill" value="{{ID}}" aria-label="账单 {{PERIOD}}"{{#CHECKED}} checked{{/CHECKED}}></td>
            <td class="period"><a href="/office/bill?id={{ID:u}}">{{PERIOD}}</a></td><td class="wide">{{KIND_NAME}}</td><td class="wide">{{DUE_DATE}}</td>
            <td class="num">{{AMOUNT}}</td><td class="num wide">{{PAID}}</td><td class="num owed">{{OWED}}</td>
          </tr>
{{/BILL}}        </tbody>
        <tfoot><tr><th colspan="6" class="wide">欠费合计（元）</th><th colspan="3" class="narrow">欠费合计（元）</th><td class="num owed" data-owed-total>{{OWED_TOTAL}}</td></tr></tfoot>
      </table>
      </div>
{{#BILL_ERROR}}      <p class="field-error" data-field="bill">{{MESSAGE}}</p>
{{/BILL_ERROR}}      <div class="pay-fields">
        <label>收款金额（元） <input name="amount" value="{{AMOUNT}}" inputmode="decimal" maxlength="12" required></label>
{{#AMOUNT_ERROR}}        <p class="field-error" data-field="amount">{{MESSAGE}}</p>
{{/AMOUNT_ERROR}}        <label>收款方式
          <select name="method" required>
{{#METHOD}}            <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/METHOD}}          </select>
        </label>
{{#METHOD_ERROR}}        <p class="field-error" data-field="method">{{MESSAGE}}</p>
{{/METHOD_ERROR}}        <label>交款人（可不填） <input name="payer" value="{{PAYER}}" maxlength="50"></label>
{{#PAYER_ERROR}}        <p class="field-error" data-field="payer">{{MESSAGE}}</p>
{{/PAYER_ERROR}}      </div>
      <p class="hint">金额默认为所勾选账单的欠费合计；可以少收（部分缴费），按账期从早到晚冲抵，不能多收。</p>
      <button type="submit" class="primary">确认收款并打印收据</button>
    </form>
  </section>
{{/PAY}}  <section class="card">
    <h2>最近收款</h2>
{{#NO_HISTORY}}    <p class="empty">该房屋还没有收款记录。</p>
{{/NO_HISTORY}}{{#HISTORY_TABLE}}    <table class="list pay-history">
      <thead><tr><th>收据号</th><th>时间</th><th>类型</th><th>方式</th><th class="num">金额</th><th>收款人</th></tr></thead>
      <tbody>
{{#HISTORY}}        <tr data-payment-id="{{ID}}"><td><a href="/office/payment?id={{ID:u}}">{{RECEIPT_NO}}</a></td><td>{{TAKEN_AT}}</td><td>{{KIND_NAME}}</td><td>{{METHOD_NAME}}</td><td class="num">{{AMOUNT}}</td><td>{{CASHIER}}</td></tr>
{{/HISTORY}}      </tbody>
    </table>
{{/HISTORY_TABLE}}  </section>
{{/UNIT_FORM}}</article>
