{{%AUTOESCAPE context="HTML"}}<section class="card" data-page="portal-notices">
  <h1>公告</h1>
{{#EMPTY}}  <p class="empty">目前没有公告。</p>
{{/EMPTY}}  <ul class="bulletin-list">
{{#NOTICE}}    <li class="bulletin-row{{#URGENT}} urgent{{/URGENT}}{{#UNREAD}} unread{{/UNREAD}}" data-notice-id="{{ID}}" data-importance="{{IMPORTANCE}}" data-read="{{READ}}">
      <a href="/portal/notice?id={{ID:u}}">
        <span class="bulletin-line">
{{#URGENT}}          <span class="bulletin-importance importance-urgent">紧急</span>
{{/URGENT}}          <span class="bulletin-title">{{TITLE}}</span>
{{#UNREAD}}          <span class="news-dot">未读</span>
{{/UNREAD}}        </span>
        <time class="hint">{{DATE}}</time>
      </a>
    </li>
{{/NOTICE}}  </ul>
{{#PAGER}}  <nav class="pager" aria-label="翻页">
{{#PREV}}    <a rel="prev" href="/portal/notices?page={{NUMBER:u}}">上一页</a>
{{/PREV}}    <span>第 {{PAGE}} / {{PAGES}} 页</span>
{{#NEXT}}    <a rel="next" href="/portal/notices?page={{NUMBER:u}}">下一页</a>
{{/NEXT}}  </nav>
{{/PAGER}}</section>
