{{%AUTOESCAPE context="HTML"}}<section class="card reno-due" data-page="office-renovation-due" data-today="{{TODAY}}" data-patrol-days="{{PATROL_DAYS}}" data-violations="{{VIOLATIONS}}" data-overdue="{{OVERDUE}}" data-sites-due="{{SITES_DUE}}" data-inspecting="{{INSPECTING}}" data-active="{{ACTIVE}}">
  <h1>巡查日程</h1>
  <p class="hint">{{TODAY}} · 每个施工中的装修至少每 {{PATROL_DAYS}} 天巡查一次</p>
  <ul class="reno-due-counts">
    <li class="count-overdue"><strong>{{OVERDUE}}</strong> 逾期未整改</li>
    <li><strong>{{VIOLATIONS}}</strong> 违章待复查</li>
    <li><strong>{{SITES_DUE}}</strong> 待巡查 / 施工中 {{ACTIVE}}</li>
    <li><strong>{{INSPECTING}}</strong> 待验收</li>
  </ul>
</section>
<section class="card reno-due-part" id="violations">
  <h2>违章整改复查</h2>
{{#NO_VIOLATIONS}}  <p class="empty">没有待复查的违章通知。</p>
{{/NO_VIOLATIONS}}  <ol class="reno-due-list">
{{#VIOLATION}}    <li class="reno-due-row overdue-{{OVERDUE}}" data-violation-id="{{ID}}" data-renovation-id="{{CASE_ID}}" data-notice-no="{{NOTICE_NO}}" data-overdue="{{OVERDUE}}">
      <a href="/office/renovation-patrol?id={{CASE_ID:u}}">
        <span class="reno-due-line"><strong>{{UNIT_CODE}}</strong> {{NOTICE_NO}} <span class="reno-due-tag state-{{STATE}}">{{STATE_NAME}}</span></span>
        <span class="reno-due-rule">{{RULE}}</span>
        <span class="reno-due-when">整改期限 {{DEADLINE}}{{#LATE}} · <em class="late">已逾期 {{DAYS}} 天</em>{{/LATE}}{{#TODAY}} · <em class="late">今天到期</em>{{/TODAY}}{{#LEFT}} · 还有 {{DAYS}} 天{{/LEFT}}</span>
      </a>
    </li>
{{/VIOLATION}}  </ol>
</section>
<section class="card reno-due-part" id="sites">
  <h2>待巡查的施工现场</h2>
{{#NO_SITES}}  <p class="empty">所有施工中的装修都在巡查周期内。</p>
{{/NO_SITES}}  <ol class="reno-due-list">
{{#SITE}}    <li class="reno-due-row state-{{STATE}}" data-renovation-id="{{ID}}" data-unit-code="{{UNIT_CODE}}" data-last-patrol="{{LAST}}" data-days="{{DAYS}}" data-state="{{STATE}}">
      <a href="/office/renovation-patrol?id={{ID:u}}">
        <span class="reno-due-line"><strong>{{UNIT_CODE}}</strong> {{PERMIT_NO}}{{#INSPECTING}} <span class="reno-due-tag state-inspecting" data-inspecting>待验收</span>{{/INSPECTING}}</span>
        <span class="reno-due-when">{{#NEVER}}<em class="late">从未巡查</em>（开工 {{DAYS}} 天）{{/NEVER}}{{#PATROLLED}}上次巡查 {{LAST}}，已 {{DAYS}} 天{{/PATROLLED}}</span>
        <span class="reno-due-rule">工期 {{PERMIT_FROM}} 至 {{PERMIT_TO}}</span>
      </a>
    </li>
{{/SITE}}  </ol>
</section>
