{{%AUTOESCAPE context="HTML"}}<header class="card reno-head" data-renovation-id="{{ID}}" data-state="{{STATE}}">
  <p class="back no-print"><a href="/office/renovations">‹ 装修管理</a></p>
  <div class="heading-row">
    <h1><a href="/office/unit?id={{UNIT_ID:u}}" data-unit-link>{{UNIT_CODE}}</a> 装修</h1>
    <span class="reno-state state-{{STATE}}" data-state-name>{{STATE_NAME}}</span>
  </div>
  <dl class="facts">
    <dt>许可证号</dt><dd data-permit-no>{{PERMIT_NO}}</dd>
    <dt>计划工期</dt><dd>{{PLANNED}}</dd>
    <dt>装修公司</dt><dd>{{COMPANY}}</dd>
    <dt>施工负责人</dt><dd>{{FOREMAN}} {{FOREMAN_PHONE}}</dd>
    <dt>装修项目</dt><dd>{{SCOPE}}</dd>
  </dl>
  <nav class="reno-tabs no-print" aria-label="装修案卷">
    <a href="/office/renovation?id={{ID:u}}" aria-current="{{CURRENT_CASE}}">概况</a>
    <a href="/office/renovation-money?id={{ID:u}}" aria-current="{{CURRENT_MONEY}}">审批与收费</a>
    <a href="/office/renovation-passes?id={{ID:u}}" aria-current="{{CURRENT_PASSES}}">出入证</a>
    <a href="/office/renovation-patrol?id={{ID:u}}" aria-current="{{CURRENT_PATROL}}">巡查与验收</a>
  </nav>
</header>
