{{%AUTOESCAPE context="HTML"}}<article class="reno-portal" data-page="portal-renovation">
{{#SAVED}}  <p class="notice" role="status" data-saved="{{WHAT}}">{{MESSAGE}}</p>
{{/SAVED}}{{#LIST}}  <section class="card">
    <div class="heading-row">
      <h1>装修申请</h1>
{{#MAY_APPLY}}      <a class="button primary" href="/portal/renovation?new=1" data-action="new">申请装修</a>
{{/MAY_APPLY}}    </div>
    <p class="hint">房屋装修前须向物业服务中心申请，审核通过并交纳装修保证金、出入证押金后发放《装修许可证》，方可施工。</p>
{{#NO_UNIT}}    <p class="notice">您的账户还没有关联房屋，请先到物业服务中心登记。</p>
{{/NO_UNIT}}{{#EMPTY}}    <p class="empty">还没有装修申请。</p>
{{/EMPTY}}    <ul class="reno-list">
{{#CASE}}      <li data-renovation-id="{{ID}}" data-state="{{STATE}}"><a href="/portal/renovation?id={{ID:u}}">
        <span class="reno-state state-{{STATE}}">{{STATE_NAME}}</span>
        <strong>{{COMPANY}}</strong>
        <span class="hint">工期 {{PLANNED}} · {{CREATED_AT}} 申请</span>
      </a></li>
{{/CASE}}    </ul>
  </section>
{{/LIST}}{{#NEW}}  <section class="card">
    <p class="back"><a href="/portal/renovation">‹ 装修申请</a></p>
    <h1>申请装修</h1>
    <form class="stacked reno-form" method="post" action="/portal/renovation" enctype="multipart/form-data" data-form="apply" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
{{>FIELDS}}      <button type="submit" class="primary">提交申请</button>
    </form>
  </section>
{{/NEW}}{{#CASE_VIEW}}  <section class="card reno-case" data-renovation-id="{{ID}}" data-state="{{STATE}}">
    <p class="back"><a href="/portal/renovation">‹ 装修申请</a></p>
    <div class="heading-row">
      <h1>{{UNIT_CODE}} 装修申请</h1>
      <span class="reno-state state-{{STATE}}" data-state-name>{{STATE_NAME}}</span>
    </div>
{{#LAST_REASON}}    <div class="reno-reason reason-{{KIND}}" role="alert" data-reason="{{KIND}}">
      <h2>{{HEADING}}</h2>
      <p data-reason-note>{{NOTE:pre_escape}}</p>
      <p class="hint">{{AT}}</p>
    </div>
{{/LAST_REASON}}    <dl class="facts">
      <dt>申请人</dt><dd>{{APPLICANT_NAME}} {{APPLICANT_PHONE}}</dd>
      <dt>装修公司</dt><dd>{{COMPANY}}</dd>
      <dt>施工负责人</dt><dd>{{FOREMAN}} {{FOREMAN_PHONE}}</dd>
      <dt>计划工期</dt><dd>{{PLANNED_START}} 至 {{PLANNED_END}}</dd>
      <dt>装修项目</dt><dd data-scope>{{SCOPE}}</dd>
      <dt>施工人数</dt><dd>{{WORKERS}} 人</dd>
      <dt>许可证号</dt><dd>{{PERMIT_NO}}</dd>
      <dt>申请时间</dt><dd>{{CREATED_AT}}</dd>
    </dl>
    <h2>装修说明</h2>
    <p class="description">{{DESCRIPTION:pre_escape}}</p>
{{#NO_STRUCTURAL}}    <p class="reno-undertaken" data-undertaking>✓ 已承诺不改动承重结构</p>
{{/NO_STRUCTURAL}}    <h2>附件</h2>
{{#NO_FILES}}    <p class="empty">没有附件。</p>
{{/NO_FILES}}    <ul class="reno-files-list">
{{#FILE}}      <li data-file-id="{{ID}}" data-kind="{{KIND}}">{{KIND_NAME}}：<a href="{{URL}}" target="_blank" rel="noopener">{{NAME}}</a> <small class="hint">{{SIZE}}</small></li>
{{/FILE}}    </ul>
  </section>
  <section class="card" data-section="steps">
    <h2>办理进度</h2>
    <ol class="timeline">
{{#STEP}}      <li class="event" data-step="{{ACTION}}">
        <div class="event-head"><strong>{{ACTION_NAME}}</strong> <span class="hint">{{BY}} {{WHO}} · {{AT}}</span></div>
{{#CHECKLIST}}        <div class="event-detail">已核对：{{TEXT}}</div>
{{/CHECKLIST}}{{#NOTE}}        <p class="event-text">{{TEXT:pre_escape}}</p>
{{/NOTE}}      </li>
{{/STEP}}    </ol>
  </section>
{{#RESUBMIT}}  <section class="card action" data-action="resubmit">
    <h2>补充后重新提交</h2>
    <form class="stacked reno-form" method="post" action="/portal/renovation?id={{ID:u}}" enctype="multipart/form-data" data-form="resubmit" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="resubmit">
      <input type="hidden" name="version" value="{{VERSION}}">
{{>FIELDS}}      <button type="submit" class="primary">重新提交</button>
    </form>
  </section>
{{/RESUBMIT}}{{#ACCEPTANCE}}  <section class="card action" data-action="request_acceptance">
    <h2>竣工验收</h2>
    <p class="hint">装修完工后申请验收，验收通过后退还装修保证金（扣除违章扣款）和出入证押金。</p>
    <form method="post" action="/portal/renovation?id={{ID:u}}" data-form="request_acceptance">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="request_acceptance">
      <input type="hidden" name="version" value="{{VERSION}}">
      <button type="submit" class="primary">申请竣工验收</button>
    </form>
  </section>
{{/ACCEPTANCE}}{{#WITHDRAW}}  <section class="card action" data-action="withdraw">
    <form method="post" action="/portal/renovation?id={{ID:u}}" data-form="withdraw">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="withdraw">
      <input type="hidden" name="version" value="{{VERSION}}">
      <button type="submit" class="secondary">撤回申请</button>
    </form>
  </section>
{{/WITHDRAW}}{{/CASE_VIEW}}</article>
