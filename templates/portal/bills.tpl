{{%AUTOESCAPE context="HTML"}}<section class="card portal-bills" data-page="portal-bills">
  <h1>我的账单</h1>
{{#NO_UNIT}}  <p class="empty">您的账户还没有关联房屋，请到物业服务中心办理。</p>
{{/NO_UNIT}}{{#HOME}}  <div class="owed-box{{#OWES}} owes{{/OWES}}" data-owed-fen="{{OWED_FEN}}">
    <p class="hint">{{COMMUNITY_NAME}} · {{UNIT_CODE}}</p>
{{#OWES}}    <p>当前待缴 <strong class="owed-amount" data-owed>¥{{OWED}}</strong></p>
    <p class="hint">请到物业服务中心缴纳，咨询电话 {{PHONE}}。</p>
{{/OWES}}{{#SETTLED}}    <p>当前没有待缴费用 <strong class="owed-amount" data-owed>¥{{OWED}}</strong></p>
{{/SETTLED}}  </div>
{{#ONE_BILL}}  <p><a href="/portal/bills">‹ 全部账单</a></p>
{{/ONE_BILL}}{{#EMPTY}}  <p class="empty">还没有账单。</p>
{{/EMPTY}}  <ul class="bill-list">
{{#BILL}}    <li data-bill-id="{{ID}}" data-state="{{STATE}}" data-amount-fen="{{AMOUNT_FEN}}" data-paid-fen="{{PAID_FEN}}" data-owed-fen="{{OWED_FEN}}">
      <details{{#OPEN}} open{{/OPEN}}>
        <summary>
          <span class="bill-line"><strong class="bill-period">{{PERIOD}}</strong> <span class="tag">{{KIND_NAME}}</span> <span class="bill-state state-{{STATE}}">{{STATE_NAME}}</span></span>
          <span class="bill-line bill-sums"><span>应缴 ¥{{AMOUNT}}</span><span>已缴 ¥{{PAID}}</span><span>待缴 ¥{{OWED}}</span></span>
        </summary>
        <p class="hint">缴费期限 {{DUE}} · <a href="/portal/bills?id={{ID:u}}">单独查看</a></p>
        <table class="list bill-lines">
          <thead><tr><th>项目</th><th>数量 × 单价</th><th class="num">金额（元）</th></tr></thead>
          <tbody>
{{#LINE}}            <tr data-amount-fen="{{AMOUNT_FEN}}"><td>{{NAME}}<small>{{DESCRIPTION}}</small></td><td>{{#QUANTITY}}{{QUANTITY}} × {{PRICE}}{{/QUANTITY}}</td><td class="num">{{AMOUNT}}</td></tr>
{{/LINE}}          </tbody>
        </table>
        <h3>缴费记录</h3>
{{#NO_PAYMENTS}}        <p class="hint">还没有缴费记录。</p>
{{/NO_PAYMENTS}}        <ul class="bill-payments">
{{#PAYMENT}}          <li data-receipt-no="{{RECEIPT_NO}}" data-amount-fen="{{AMOUNT_FEN}}">{{DATE}} {{KIND_NAME}} {{METHOD_NAME}} ¥{{AMOUNT}} <small>收据号 {{RECEIPT_NO}}</small></li>
{{/PAYMENT}}        </ul>
      </details>
    </li>
{{/BILL}}  </ul>
{{#PAGER}}  <nav class="pager" aria-label="翻页">
{{#PREV}}    <a rel="prev" href="/portal/bills?page={{NUMBER:u}}">上一页</a>
{{/PREV}}    <span>第 {{PAGE}} / {{PAGES}} 页</span>
{{#NEXT}}    <a rel="next" href="/portal/bills?page={{NUMBER:u}}">下一页</a>
{{/NEXT}}  </nav>
{{/PAGER}}{{/HOME}}</section>
