{{%AUTOESCAPE context="HTML"}}<section class="card" data-page="portal-surveys">
  <h1>满意度调查</h1>
{{#NO_UNIT}}  <p>您的账户尚未关联在住的房屋，请携带有效证件到物业服务中心办理。</p>
{{/NO_UNIT}}  <p class="hint">每户一份问卷，截止前可随时修改。您的意见帮助我们改进服务。</p>
  <h2>正在进行</h2>
{{#NO_OPEN}}  <p class="empty">目前没有需要填写的调查。</p>
{{/NO_OPEN}}  <ul class="ticket-list survey-list">
{{#OPEN}}    <li class="ticket-row" data-survey-id="{{ID}}" data-answered="{{ANSWERED}}">
      <a href="/portal/survey?id={{ID:u}}">
        <span class="ticket-line"><strong>{{TITLE}}</strong>{{#TODO}} <span class="status-badge status-new">未填写</span>{{/TODO}}{{#DONE}} <span class="status-badge status-completed">已填写</span>{{/DONE}}</span>
        <span class="ticket-summary">截止 {{CLOSES}}{{#DONE}} · 已于 {{AT}} 提交，可修改{{/DONE}}</span>
      </a>
    </li>
{{/OPEN}}  </ul>
  <h2>已结束</h2>
{{#NO_CLOSED}}  <p class="empty">暂无已结束的调查。</p>
{{/NO_CLOSED}}  <ul class="ticket-list survey-list">
{{#CLOSED}}    <li class="ticket-row" data-survey-id="{{ID}}" data-answered="{{ANSWERED}}">
      <a href="/portal/survey?id={{ID:u}}">
        <span class="ticket-line"><strong>{{TITLE}}</strong> <span class="status-badge status-closed">已结束</span>{{#DONE}} <span class="status-badge status-completed">已填写</span>{{/DONE}}{{#TODO}} <span class="status-badge status-closed">未填写</span>{{/TODO}}</span>
        <span class="ticket-summary">截止于 {{CLOSES}}</span>
      </a>
    </li>
{{/CLOSED}}  </ul>
</section>
