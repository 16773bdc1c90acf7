{{%AUTOESCAPE context="HTML"}}<article class="surveys" data-page="office-surveys">
  <section class="card">
    <h1>满意度调查</h1>
    <p class="hint">半年一次的《顾客意见调查表》及其他问卷。草稿只有工作人员能看到；发布后，调查时间内住户可在业主门户或通过个人链接作答。已有答卷的问卷不能再改题目，可复制后修改。</p>
{{#NEW}}    <form class="inline-form survey-new" method="post" action="/office/surveys" data-form="new">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="new">
      <label>新建问卷 <select name="template">
        <option value="servqual" selected>顾客满意度调查问卷（服务质量五维度模板）</option>
        <option value="blank">空白问卷</option>
      </select></label>
      <button type="submit" class="primary">新建</button>
    </form>
{{/NEW}}{{#EMPTY}}    <p class="empty">还没有问卷。</p>
{{/EMPTY}}  </section>
{{#SURVEY}}  <section class="card survey-row" data-survey-id="{{ID}}" data-phase="{{PHASE}}" data-audience="{{AUDIENCE}}" data-responses="{{RESPONSES}}">
    <h2><span class="status-badge survey-phase-{{PHASE}}">{{PHASE_NAME}}</span> {{TITLE}}</h2>
    <dl class="facts">
      <dt>调查时间</dt><dd data-period>{{OPENS}} 至 {{CLOSES}}</dd>
      <dt>调查对象</dt><dd data-audience-text>{{AUDIENCE_TEXT}}</dd>
      <dt>题目</dt><dd data-questions>{{QUESTIONS}} 题</dd>
      <dt>答卷</dt><dd data-responses-count>{{RESPONSES}} 户</dd>
{{#COPIED}}      <dt>来源</dt><dd>复制自问卷 #{{FROM}}</dd>
{{/COPIED}}    </dl>
    <div class="quick-actions survey-actions">
{{#EDIT}}      <a class="button" href="/office/survey-edit?id={{ID:u}}">编辑</a>
{{/EDIT}}{{#RESULTS}}      <a class="button" href="/office/survey?id={{ID:u}}">结果</a>
{{/RESULTS}}{{#EDIT}}      <form method="post" action="/office/surveys" class="survey-copy">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <input type="hidden" name="action" value="copy">
        <input type="hidden" name="id" value="{{ID}}">
        <button type="submit" class="secondary">复制</button>
      </form>
{{/EDIT}}    </div>
  </section>
{{/SURVEY}}</article>
