{{%AUTOESCAPE context="HTML"}}<article class="slip receipt receipt-{{STATE}}" data-page="office-receipt" data-payment-id="{{ID}}" data-receipt-no="{{RECEIPT_NO}}" data-kind="{{KIND}}" data-state="{{STATE}}">
  <p class="slip-tools no-print"><a href="/office/payment?unit={{UNIT_LINK:u}}">‹ 返回收款</a> · <strong>打印</strong>：请使用浏览器的打印功能（Ctrl+P），A5 或 A4 纸均可。</p>
  <header class="slip-head">
    <p class="slip-org">{{COMMUNITY_NAME}} · 物业服务中心</p>
    <h1>{{TITLE}}</h1>
    <p class="slip-code">编号 <strong data-receipt-number>{{RECEIPT_NO}}</strong></p>
  </header>
{{#REVERSED}}  <p class="receipt-stamp" data-reversed-by="{{RECEIPT_NO}}">已冲正 · 冲正收据 <a href="/office/payment?id={{ID:u}}">{{RECEIPT_NO}}</a></p>
{{/REVERSED}}{{#REVERSES}}  <p class="receipt-stamp red" data-reverses="{{RECEIPT_NO}}">红字冲正：冲销原收据 <a href="/office/payment?id={{ID:u}}">{{RECEIPT_NO}}</a> · 原因：{{REASON}}</p>
{{/REVERSES}}{{#REFUND}}  <p class="receipt-stamp" data-refund>退款（付出）：{{NOTE}} · 以下金额为退还给业主的款项，已记入房屋收费账户</p>
{{/REFUND}}  <table class="slip-table">
    <tbody>
      <tr><th>{{DATE_LABEL}}</th><td data-taken-at>{{TAKEN_AT}}</td><th>房号</th><td data-unit-code>{{UNIT_CODE}}</td></tr>
      <tr><th>业主</th><td>{{OWNERS}}</td><th>{{PAYER_LABEL}}</th><td data-payer>{{PAYER}}</td></tr>
    </tbody>
  </table>
  <table class="slip-table receipt-lines">
    <thead><tr><th>账期</th><th>收费项目</th><th class="num">金额（元）</th></tr></thead>
    <tbody>
{{#LINE}}      <tr data-bill-id="{{BILL_ID}}"><td>{{PERIOD}} {{BILL_KIND_NAME}}</td><td>{{ITEM}} <span class="line-desc">{{DESCRIPTION}}</span></td><td class="num">{{AMOUNT}}</td></tr>
{{/LINE}}    </tbody>
  </table>
  <table class="slip-table">
    <tbody>
      <tr><th>合计（小写）</th><td class="receipt-total" data-total="{{TOTAL}}">¥ {{TOTAL}}</td><th>{{METHOD_LABEL}}</th><td data-method>{{METHOD_NAME}}</td></tr>
      <tr><th>合计（大写）</th><td colspan="3" class="receipt-words" data-total-words>{{TOTAL_WORDS}}</td></tr>
      <tr><th>{{CASHIER_LABEL}}</th><td data-cashier>{{CASHIER}}</td><th>{{PAYER_LABEL}}签字</th><td class="blank sign"></td></tr>
    </tbody>
  </table>
  <p class="slip-foot">打印时间 {{PRINTED_AT}} · 本收据加盖财务专用章有效 · 冲正须凭原收据办理</p>
{{#REVERSE_FORM}}  <details class="action no-print"{{#OPEN}} open{{/OPEN}}>
    <summary>冲正这笔收款</summary>
    <form class="stacked" method="post" action="/office/payment?id={{ID:u}}" data-action="reverse">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="reverse">
      <label>冲正原因 <input name="reason" value="{{REASON}}" minlength="2" maxlength="200" required></label>
{{#REASON_ERROR}}      <p class="field-error" data-field="reason">{{MESSAGE}}</p>
{{/REASON_ERROR}}      <p class="hint">冲正会生成一张红字收据（负数金额，新的收据号），原收据保留并标注“已冲正”，所冲抵的账单恢复欠费。</p>
      <button type="submit" class="primary danger">确认冲正</button>
    </form>
  </details>
{{/REVERSE_FORM}}</article>
