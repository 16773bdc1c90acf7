{{%AUTOESCAPE context="HTML"}}<section class="card" data-page="portal-tickets">
  <div class="heading-row">
    <h1>我的工单</h1>
    <a class="button small" href="/portal/new-ticket">我要报修/投诉</a>
  </div>
  <nav class="tabs" aria-label="按状态查看">
{{#TAB}}    <a href="/portal/tickets{{#WITH_STATUS}}?status={{CODE:u}}{{/WITH_STATUS}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a>
{{/TAB}}  </nav>
  <p class="hint total">共 {{TOTAL}} 条</p>
{{#EMPTY}}  <div class="empty-state">
    <p>{{TEXT}}</p>
    <p><a class="button" href="/portal/new-ticket">报事报修</a></p>
  </div>
{{/EMPTY}}  <ul class="ticket-list">
{{#TICKET}}    <li class="ticket-row" data-ticket-id="{{ID}}" data-status="{{STATUS}}">
      <a href="/portal/ticket?id={{ID:u}}">
        <span class="ticket-line">
          <span class="ticket-code">{{CODE}}</span>
          <span class="status-badge status-{{STATUS}}">{{STATUS_NAME}}</span>
{{#NEWS}}          <span class="news-dot" title="{{WHAT}}">新动态：{{WHAT}}</span>
{{/NEWS}}        </span>
        <span class="ticket-line">
          <span class="tag">{{KIND}}</span><span class="ticket-category">{{CATEGORY}}</span>
          <time class="ticket-date" datetime="{{DATETIME}}">{{DATE}}</time>
        </span>
        <span class="ticket-summary">{{DESCRIPTION}}</span>
{{#RATED}}        <span class="hint">已评价 {{SCORE}} 星</span>
{{/RATED}}      </a>
    </li>
{{/TICKET}}  </ul>
{{#PAGER}}  <nav class="pager" aria-label="翻页">
{{#PREV}}    <a rel="prev" href="/portal/tickets?{{#WITH_STATUS}}status={{CODE:u}}&amp;{{/WITH_STATUS}}page={{NUMBER:u}}">上一页</a>
{{/PREV}}    <span>第 {{PAGE}} / {{PAGES}} 页</span>
{{#NEXT}}    <a rel="next" href="/portal/tickets?{{#WITH_STATUS}}status={{CODE:u}}&amp;{{/WITH_STATUS}}page={{NUMBER:u}}">下一页</a>
{{/NEXT}}  </nav>
{{/PAGER}}</section>
