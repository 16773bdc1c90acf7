{{%AUTOESCAPE context="HTML"}}  <section class="card fee-account" data-section="fee-account" data-fee-account data-balance-fen="{{BALANCE_FEN}}" data-owed-fen="{{OWED_FEN}}">
    <div class="heading-row">
      <h2>收费账户</h2>
{{#MAY_PAY}}      <a class="button small" href="/office/payment?unit={{UNIT_CODE:u}}">收款</a>
{{/MAY_PAY}}    </div>
    <p>当前应收余额 <strong data-balance>¥{{BALANCE}}</strong>（账单合计减已收款项）· <a href="/office/arrears?unit={{UNIT_CODE:u}}">欠费与跟进</a></p>
{{#MISMATCH}}    <p class="field-error form-notice" role="alert">账单未收合计为 ¥{{OWED}}，与流水余额不一致，请联系管理员核对。</p>
{{/MISMATCH}}{{#EMPTY}}    <p class="hint">这套房屋还没有账单或收款。</p>
{{/EMPTY}}    <table class="list ledger">
      <thead><tr><th>日期</th><th>摘要</th><th>金额（元）</th><th>余额（元）</th></tr></thead>
      <tbody>
{{#ENTRY}}        <tr data-kind="{{KIND}}" data-id="{{ID}}" data-change-fen="{{CHANGE_FEN}}" data-balance-fen="{{BALANCE_FEN}}"><td>{{DATE}}</td><td>{{#IS_BILL}}<a href="/office/bill?id={{ID:u}}">{{PERIOD}} 账单</a>{{#LINES}} <span class="line-desc" data-bill-lines>{{TEXT}}</span>{{/LINES}}{{/IS_BILL}}{{#IS_PAYMENT}}{{WHAT}} <a href="/office/payment?id={{ID:u}}">{{RECEIPT_NO}}</a> {{METHOD_NAME}}{{/IS_PAYMENT}}</td><td class="money">{{CHANGE}}</td><td class="money">{{BALANCE}}</td></tr>
{{/ENTRY}}      </tbody>
    </table>
  </section>
