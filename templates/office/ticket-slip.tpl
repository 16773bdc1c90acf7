{{%AUTOESCAPE context="HTML"}}<article class="slip" data-page="office-ticket-slip" data-ticket-id="{{ID}}" data-ticket-code="{{CODE}}" data-status="{{STATUS}}" data-kind="{{KIND}}">
  <p class="slip-tools no-print"><a href="/office/ticket?id={{ID:u}}">‹ 返回工单</a> · 请使用浏览器的打印功能（Ctrl+P）打印，A5 或 A4 纸均可。</p>
  <header class="slip-head">
    <p class="slip-org">{{COMMUNITY_NAME}} · 物业服务中心</p>
    <h1>派工单</h1>
    <p class="slip-code">编号 <strong>{{CODE}}</strong></p>
  </header>
  <table class="slip-table">
    <tbody>
      <tr><th>登记时间</th><td>{{CREATED_AT}}</td><th>类型</th><td>{{KIND_NAME}} · {{CATEGORY_NAME}}</td></tr>
      <tr><th>报事人</th><td>{{REPORTER_NAME}}</td><th>联系电话</th><td>{{REPORTER_PHONE}}</td></tr>
      <tr><th>房号</th><td>{{UNIT_CODE}}</td><th>具体位置</th><td>{{PLACE}}</td></tr>
      <tr><th>紧急程度</th><td>{{SEVERITY_NAME}}</td><th>首问负责</th><td>{{OWNER_NAME}}</td></tr>
      <tr><th>内容</th><td colspan="3" class="slip-desc">{{DESCRIPTION:pre_escape}}</td></tr>
      <tr><th>派往部门</th><td>{{DEPARTMENT_NAME}}</td><th>处理人</th><td>{{ASSIGNEE_NAME}}</td></tr>
      <tr><th>约定上门</th><td>{{VISIT_AT}}</td><th>业主预约</th><td>{{PREFERRED_AT}}</td></tr>
      <tr><th>时限</th><td colspan="3">{{#DUE_ROW}}<span class="slip-due">{{NAME}}：{{AT}}</span> {{/DUE_ROW}}</td></tr>
      <tr><th>到场时间</th><td class="blank"></td><th>完工时间</th><td class="blank"></td></tr>
      <tr><th>处理情况</th><td colspan="3" class="blank tall"></td></tr>
    </tbody>
  </table>
  <h2 class="slip-sub">使用材料</h2>
  <table class="slip-table materials">
    <thead><tr><th>材料名称</th><th>规格</th><th>数量</th><th>金额（元）</th></tr></thead>
    <tbody>
      <tr><td class="blank"></td><td></td><td></td><td></td></tr>
      <tr><td class="blank"></td><td></td><td></td><td></td></tr>
      <tr><td class="blank"></td><td></td><td></td><td></td></tr>
    </tbody>
  </table>
  <table class="slip-table">
    <tbody>
      <tr><th>收费合计</th><td>{{#PAID}}{{CHARGE}} 元{{/PAID}}</td><th>收费方式</th><td>□ 无偿 □ 现金 □ 扫码 □ 计入物业费</td></tr>
      <tr><th>维修人员签字</th><td class="blank sign"></td><th>日期</th><td class="blank"></td></tr>
      <tr><th>业主意见</th><td colspan="3">□ 非常满意 □ 满意 □ 一般 □ 不满意</td></tr>
      <tr><th>业主签字</th><td class="blank sign"></td><th>日期</th><td class="blank"></td></tr>
    </tbody>
  </table>
  <p class="slip-foot">打印：{{PRINTED_BY}} {{PRINTED_AT}} · 有偿服务按公示收费标准并经业主确认 · 本单完工后交回客服前台</p>
</article>
