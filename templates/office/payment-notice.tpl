{{%AUTOESCAPE context="HTML"}}<div class="payment-notices" data-page="office-payment-notice" data-count="{{COUNT}}">
  <div class="slip-tools no-print">
    <p><a href="/office/arrears">‹ 返回欠费管理</a> · {{SCOPE}}：共 {{COUNT}} 份缴费通知单，每户一页。请使用浏览器的打印功能（Ctrl+P）以 A4 纸打印。</p>
{{#EMPTY}}    <p class="empty">所选范围内没有逾期欠费的房屋。</p>
{{/EMPTY}}    <form class="inline-form" method="post" action="/office/arrears">
      <input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="notices"><input type="hidden" name="building" value="{{BUILDING}}"><input type="hidden" name="unit" value="{{UNIT}}">
      <button type="submit" class="small">登记为已送达（每户记一条“发出缴费通知单”）</button>
    </form>
  </div>
{{#NOTICE}}  <article class="slip payment-notice" data-unit-code="{{UNIT_CODE}}" data-owed-fen="{{OWED_FEN}}">
    <header class="slip-head">
      <p class="slip-org">{{COMMUNITY_NAME}} · 物业服务中心</p>
      <h1>缴费通知单</h1>
    </header>
    <p class="notice-to">尊敬的 <strong>{{UNIT_CODE}}</strong> 房屋业主 {{OWNERS}}：</p>
    <p>经核对，截至 {{DATE}}，您的房屋尚有以下费用逾期未缴：</p>
    <table class="slip-table notice-bills">
      <thead><tr><th>账期</th><th>收费项目</th><th>欠费金额（元）</th></tr></thead>
      <tbody>
{{#BILL}}        <tr><td>{{PERIOD}}</td><td>{{ITEMS}}</td><td class="money">{{AMOUNT}}</td></tr>
{{/BILL}}        <tr class="total"><th colspan="2">合计</th><td class="money" data-total>¥{{OWED}}</td></tr>
      </tbody>
    </table>
    <p>请于 <strong data-due-by>{{DUE_BY}}</strong> 前到物业服务中心缴纳，或致电 <strong>{{PHONE}}</strong> 咨询。如已缴纳，请忽略本通知，谢谢您的支持与配合。</p>
    <p class="notice-sign">{{COMMUNITY_NAME}} 物业服务中心<br>{{DATE}}</p>
  </article>
{{/NOTICE}}</div>
