{{%AUTOESCAPE context="HTML"}}<article class="fee-bill" data-page="office-bill" data-bill-id="{{ID}}" data-state="{{STATE}}" data-kind="{{KIND}}">
  <section class="card">
    <p class="crumbs"><a href="/office/payment?unit={{UNIT_CODE:u}}">收款 {{UNIT_CODE}}</a> › 账单 {{PERIOD}}</p>
    <h1>账单 · {{UNIT_CODE}} · {{PERIOD}}</h1>
    <dl class="facts">
      <dt>房号</dt><dd><a href="/office/unit?id={{UNIT_ID:u}}">{{UNIT_CODE}}</a></dd>
      <dt>业主</dt><dd>{{OWNERS}}</dd>
      <dt>类型</dt><dd>{{KIND_NAME}}</dd>
      <dt>账期</dt><dd>{{PERIOD}}</dd>
      <dt>缴费期限</dt><dd>{{DUE_DATE}}</dd>
      <dt>状态</dt><dd><span class="bill-state bill-{{STATE}}">{{STATE_NAME}}</span></dd>
    </dl>
{{#MAY_PAY}}    <p><a class="button" href="/office/payment?unit={{UNIT_CODE:u}}" data-pay-link>为该房屋收款</a></p>
{{/MAY_PAY}}  </section>
  <section class="card">
    <h2>明细</h2>
    <div class="table-wrap">
    <table class="list bill-lines">
      <thead><tr><th>收费项目</th><th>说明</th><th class="num">数量</th><th class="num">单价（元）</th><th class="num">金额（元）</th><th class="num">已收（元）</th></tr></thead>
      <tbody>
{{#LINE}}        <tr><td>{{ITEM}}</td><td>{{DESCRIPTION}}</td><td class="num">{{QUANTITY}}</td><td class="num">{{PRICE}}</td><td class="num">{{AMOUNT}}</td><td class="num">{{PAID}}</td></tr>
{{/LINE}}      </tbody>
      <tfoot>
        <tr><th colspan="4">合计</th><td class="num" data-total="{{TOTAL}}">{{TOTAL}}</td><td class="num" data-paid="{{PAID}}">{{PAID}}</td></tr>
        <tr><th colspan="4">欠费</th><td class="num owed" data-owed="{{OWED}}" colspan="2">{{OWED}}</td></tr>
      </tfoot>
    </table>
    </div>
{{#MISMATCH}}    <p class="notice bad" data-mismatch>账单金额与明细合计（{{LINES_TOTAL}} 元）不一致，请联系管理员核对。</p>
{{/MISMATCH}}  </section>
  <section class="card">
    <h2>收款与冲正</h2>
{{#NO_PAYMENTS}}    <p class="empty">这张账单还没有收款记录。</p>
{{/NO_PAYMENTS}}    <table class="list bill-payments">
      <thead><tr><th>收据号</th><th>时间</th><th>类型</th><th>方式</th><th>收款人</th><th class="num">本单金额（元）</th></tr></thead>
      <tbody>
{{#PAYMENT}}        <tr data-payment-id="{{ID}}" data-kind="{{KIND}}"><td><a href="/office/payment?id={{ID:u}}">{{RECEIPT_NO}}</a></td><td>{{TAKEN_AT}}</td><td>{{KIND_NAME}}</td><td>{{METHOD_NAME}}</td><td>{{CASHIER}}</td><td class="num">{{AMOUNT}}</td></tr>
{{/PAYMENT}}      </tbody>
    </table>
  </section>
</article>
