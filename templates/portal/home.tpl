{{%AUTOESCAPE context="HTML"}}<section class="card welcome" data-page="portal-home">
  <h1>{{USER_NAME}}，您好</h1>
  <p>欢迎使用{{COMMUNITY_NAME}}业主服务。</p>
  <p><a class="button report" href="/portal/new-ticket">我要报修/投诉</a></p>
</section>
{{#NOTICES}}<section class="card" data-section="my-notices">
  <div class="heading-row">
    <h2>未读公告</h2>
    <a href="/portal/notices">全部公告 ›</a>
  </div>
  <ul class="bulletin-list">
{{#NOTICE}}    <li class="bulletin-row unread{{#URGENT}} urgent{{/URGENT}}" data-notice-id="{{ID}}" data-importance="{{IMPORTANCE}}" data-read="0"><a href="/portal/notice?id={{ID:u}}"><span class="bulletin-line">{{#URGENT}}<span class="bulletin-importance importance-urgent">紧急</span>{{/URGENT}}<span class="bulletin-title">{{TITLE}}</span></span></a></li>
{{/NOTICE}}  </ul>
</section>
{{/NOTICES}}{{#TICKETS}}<section class="card" data-section="my-tickets">
  <div class="heading-row">
    <h2>我的报修与投诉</h2>
    <a href="/portal/tickets">全部工单 ›</a>
  </div>
{{#NO_TICKETS}}  <p class="hint">目前没有处理中的工单。家里有东西坏了，或对服务有意见建议，点“我要报修/投诉”告诉我们。</p>
{{/NO_TICKETS}}  <ul class="ticket-list">
{{#TICKET}}    <li class="ticket-row" data-ticket-id="{{ID}}" data-status="{{STATUS}}">
      <a href="/portal/ticket?id={{ID:u}}">
        <span class="ticket-line">
          <span class="ticket-code">{{CODE}}</span>
          <span class="status-badge status-{{STATUS}}">{{STATUS_NAME}}</span>
{{#NEWS}}          <span class="news-dot">{{WHAT}}</span>
{{/NEWS}}        </span>
        <span class="ticket-line"><span class="tag">{{KIND}}</span><span class="ticket-category">{{CATEGORY}}</span></span>
        <span class="ticket-summary">{{DESCRIPTION}}</span>
      </a>
    </li>
{{/TICKET}}  </ul>
</section>
{{/TICKETS}}{{#NO_UNIT}}<section class="card">
  <h2>我的房屋</h2>
  <p>您的账户尚未关联房屋，请携带有效证件到物业服务中心办理。</p>
</section>
{{/NO_UNIT}}{{#FEES}}<section class="card fees-due" data-section="my-fees" data-owed-fen="{{OWED_FEN}}">
  <div class="heading-row">
    <h2>物业费用</h2>
    <a href="/portal/bills">我的账单 ›</a>
  </div>
{{#OWES}}  <p>目前待缴 <strong class="owed">¥{{OWED}}</strong>。请到物业服务中心收费处缴纳（现金、刷卡、微信、支付宝或银行转账）。</p>
{{/OWES}}{{#SETTLED}}  <p>费用已全部缴清，谢谢您的支持。</p>
{{/SETTLED}}</section>
{{/FEES}}{{#SURVEYS}}<section class="card" data-section="my-surveys">
  <div class="heading-row">
    <h2>邀请您参加调查</h2>
    <a href="/portal/surveys">全部调查 ›</a>
  </div>
  <ul class="survey-home-list">
{{#SURVEY}}    <li data-survey-id="{{ID}}"><a href="/portal/survey?id={{ID:u}}">{{TITLE}}</a> <small>{{CLOSES}} 截止</small></li>
{{/SURVEY}}  </ul>
</section>
{{/SURVEYS}}{{#UNIT}}<section class="card household" data-unit="{{UNIT_CODE}}">
  <h2>我的房屋</h2>
  <dl class="facts">
    <dt>房号</dt><dd class="unit-code">{{UNIT_CODE}}</dd>
    <dt>楼栋</dt><dd>{{BUILDING}} · {{FLOOR}} 层</dd>
    <dt>类型</dt><dd>{{TYPE}}</dd>
    <dt>建筑面积</dt><dd>{{AREA}} m²</dd>
    <dt>我的身份</dt><dd>{{RELATION}}</dd>
  </dl>
  <h3>家庭成员</h3>
  <table class="list">
    <thead><tr><th>姓名</th><th>身份</th><th>登记日期</th></tr></thead>
    <tbody>
{{#MEMBER}}      <tr><td>{{NAME}}{{#SELF}}（本人）{{/SELF}}</td><td>{{RELATION}}</td><td>{{SINCE}}</td></tr>
{{/MEMBER}}    </tbody>
  </table>
</section>
{{/UNIT}}<section class="card contact">
  <h2>物业服务中心</h2>
  <p>服务电话：<a href="tel:{{COMMUNITY_PHONE}}">{{COMMUNITY_PHONE}}</a></p>
  <p>地址：{{COMMUNITY_ADDRESS}}</p>
</section>
