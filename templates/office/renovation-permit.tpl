{{%AUTOESCAPE context="HTML"}}<article class="slip reno-permit" data-page="office-renovation-permit" data-renovation-id="{{ID}}" data-permit-no="{{PERMIT_NO}}" data-state="{{STATE}}">
  <p class="slip-tools no-print"><a href="/office/renovation-money?id={{ID:u}}">‹ 返回案卷</a> · <strong>打印</strong>：请使用浏览器的打印功能（Ctrl+P），A4 或 A5 纸，张贴在施工房屋门上。</p>
  <header class="slip-head">
    <p class="slip-org">{{COMMUNITY_NAME}} · 物业服务中心</p>
    <h1>装修许可证</h1>
    <p class="slip-code">编号 <strong data-permit-number>{{PERMIT_NO}}</strong></p>
  </header>
  <p class="permit-unit" data-unit-code>{{UNIT_CODE}}</p>
  <table class="slip-table">
    <tbody>
      <tr><th>业主/申请人</th><td>{{APPLICANT}}</td><th>施工人数</th><td>{{WORKERS}} 人</td></tr>
      <tr><th>装修公司</th><td colspan="3" data-company>{{COMPANY}}</td></tr>
      <tr><th>施工负责人</th><td data-foreman>{{FOREMAN}}</td><th>联系电话</th><td data-foreman-phone>{{FOREMAN_PHONE}}</td></tr>
      <tr><th>许可施工期</th><td colspan="3" data-permitted>{{FROM}} 至 {{TO}}</td></tr>
      <tr><th>装修项目</th><td colspan="3" data-scope>{{SCOPE}}</td></tr>
      <tr><th>施工时间</th><td colspan="3" data-hours>工作日 8:00–12:00、14:00–18:00；周末及法定节假日不得进行产生噪音的施工</td></tr>
    </tbody>
  </table>
  <h2 class="slip-sub">施工须知</h2>
  <ol class="permit-rules">
    <li>严禁拆改承重墙、梁、柱、楼板及房屋主体结构，不得改动外立面和公共部位。</li>
    <li>不得改动燃气管道、烟道、公共给排水立管及消防设施；卫生间、厨房改动须做闭水试验。</li>
    <li>装修垃圾须袋装，按物业指定地点和时间堆放清运，严禁抛入生活垃圾桶或堆放在楼道。</li>
    <li>施工人员凭临时出入证进出小区，离场时交回出入证；材料搬运请使用指定电梯并做好保护。</li>
    <li>施工期间做好防火措施，动火作业须事先报物业服务中心批准。</li>
    <li>本证须张贴在施工房屋门上，接受装修管理员巡查；违规施工将发出违章通知并按规定扣除保证金。</li>
  </ol>
  <p class="permit-contact">物业服务中心电话 <strong data-office-phone>{{OFFICE_PHONE}}</strong></p>
  <p class="slip-foot">发证日期 {{PRINTED_AT}} · 加盖物业服务中心公章有效 · 过期作废</p>
</article>
