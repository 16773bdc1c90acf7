{{%AUTOESCAPE context="HTML"}}<article class="card bulletin-detail" data-page="portal-notice" data-notice-id="{{ID}}" data-importance="{{IMPORTANCE}}">
  <p class="back"><a href="/portal/notices">‹ 全部公告</a></p>
  <h1>{{#URGENT}}<span class="bulletin-importance importance-urgent">紧急</span> {{/URGENT}}{{TITLE}}</h1>
  <p class="hint">发布于 {{DATE}}{{#EXPIRES}} · 有效至 {{AT}}{{/EXPIRES}}</p>
  <div class="bulletin-body">{{BODY_HTML:none}}</div>
{{#ATTACHMENT}}  <p class="bulletin-file" data-attachment-id="{{ID}}">附件：<a href="/portal/notice-file?id={{ID:u}}">{{NAME}}</a> <small class="hint">{{SIZE}}</small></p>
{{/ATTACHMENT}}</article>
