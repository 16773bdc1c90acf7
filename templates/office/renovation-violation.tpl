{{%AUTOESCAPE context="HTML"}}<article class="slip reno-violation-slip" data-page="office-renovation-violation" data-violation-id="{{ID}}" data-notice-no="{{NOTICE_NO}}" data-state="{{STATE}}">
  <p class="slip-tools no-print"><a href="/office/renovation-patrol?id={{CASE_ID:u}}">‹ 返回巡查与验收</a> · 请使用浏览器的打印功能（Ctrl+P）打印，A4 或 A5 纸均可，一式两份。</p>
  <header class="slip-head">
    <p class="slip-org">{{COMMUNITY_NAME}} · 物业服务中心</p>
    <h1>装修违章通知书</h1>
    <p class="slip-code">编号 <strong data-notice-number>{{NOTICE_NO}}</strong></p>
  </header>
  <p class="reno-slip-to"><strong data-unit-code>{{UNIT_CODE}}</strong> 业主（住户）{{APPLICANT}} 及装修施工单位 {{COMPANY}}（负责人 {{FOREMAN}}）：</p>
  <table class="slip-table">
    <tbody>
      <tr><th>房号</th><td>{{UNIT_CODE}}</td><th>装修许可证</th><td>{{PERMIT_NO}}</td></tr>
      <tr><th>违反规定</th><td colspan="3" data-rule>{{RULE}}</td></tr>
      <tr><th>违章情况</th><td colspan="3" class="slip-desc" data-detail>{{DETAIL:pre_escape}}</td></tr>
      <tr><th>整改期限</th><td colspan="3"><strong data-deadline>{{DEADLINE}}</strong> 前整改完毕</td></tr>
    </tbody>
  </table>
  <p class="reno-slip-text">经我处装修巡查，贵户装修施工存在上述违规行为，违反了《装修管理规定》及装修申请时签署的承诺。请于整改期限前自行整改完毕，并通知物业服务中心复查。</p>
  <p class="reno-slip-text" data-consequence>逾期未整改或拒不整改的，物业服务中心将暂停发放或收回施工人员出入证、停止装修施工，并按规定从装修保证金中扣除相应款项；造成公共设施损坏或他人损失的，由业主及施工单位承担修复和赔偿责任；情节严重的，报请有关行政主管部门依法处理。</p>
  <table class="slip-table reno-slip-sign">
    <tbody>
      <tr><th>装修管理员</th><td class="blank sign" data-issued-by>{{ISSUED_BY}}</td><th>业主（签收）</th><td class="blank sign"></td></tr>
      <tr><th>日期</th><td data-issued-date>{{ISSUED_DATE}}</td><th>签收日期</th><td class="blank"></td></tr>
    </tbody>
  </table>
  <p class="slip-foot">本通知书一式两份，物业服务中心与业主各执一份 · 当前状态：{{STATE_NAME}}</p>
</article>
