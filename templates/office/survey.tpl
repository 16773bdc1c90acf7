{{%AUTOESCAPE context="HTML"}}<section class="card survey-head" data-page="office-survey" data-survey-id="{{SURVEY_ID}}" data-state="{{STATE}}">
  <div class="heading-row">
    <h1>{{TITLE}} <span class="hint">调查结果</span></h1>
    <p class="survey-tools no-print">
      <a class="button small ghost" href="/office/survey?id={{SURVEY_ID:u}}&amp;format=csv" data-export="csv">导出答卷（CSV）</a>
    </p>
  </div>
{{#MADE}}  <p class="notice" role="status" data-made-ticket="{{CODE}}">已登记工单 <a href="/office/ticket?id={{ID:u}}">{{CODE}}</a>（{{KIND_NAME}}），并与这份答卷关联。</p>
{{/MADE}}  <dl class="survey-facts">
    <div><dt>状态</dt><dd data-figure="state">{{STATE_NAME}}</dd></div>
    <div><dt>调查期间</dt><dd data-figure="period">{{OPENS}} 至 {{CLOSES}}</dd></div>
    <div><dt>调查对象</dt><dd data-figure="audience" data-audience="{{AUDIENCE}}">{{AUDIENCE_NAME}}</dd></div>
    <div><dt>满意率目标</dt><dd data-figure="target" data-value="{{TARGET_PCT}}">{{TARGET_PCT}}%</dd></div>
  </dl>
</section>

{{#TICKET_ERROR}}<section class="card survey-ticket-error" id="ticket-form" data-response-id="{{RESPONSE}}">
  <h2>转为工单：请修改后再提交</h2>
{{#NOTICE}}  <p class="field-error" data-field="{{FIELD}}">{{MESSAGE}}</p>
{{/NOTICE}}{{#RESPONSE_ERROR}}  <p class="field-error" data-field="response">答卷：{{MESSAGE}}</p>
{{/RESPONSE_ERROR}}{{#QUESTION_ERROR}}  <p class="field-error" data-field="question">题目：{{MESSAGE}}</p>
{{/QUESTION_ERROR}}{{#ACTION_ERROR}}  <p class="field-error" data-field="action">操作：{{MESSAGE}}</p>
{{/ACTION_ERROR}}  <form method="post" action="/office/survey?id={{SURVEY_ID:u}}" class="stack">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="action" value="ticket">
    <input type="hidden" name="response" value="{{RESPONSE}}">
    <input type="hidden" name="question" value="{{QUESTION}}">
    <fieldset class="choice"><legend>类型</legend>
      <div class="segmented">
        <label><input type="radio" name="kind" value="complaint"{{#KIND_COMPLAINT}} checked{{/KIND_COMPLAINT}}> 投诉</label>
        <label><input type="radio" name="kind" value="suggestion"{{#KIND_SUGGESTION}} checked{{/KIND_SUGGESTION}}> 建议</label>
      </div>
    </fieldset>
{{#KIND_ERROR}}    <p class="field-error" data-field="kind">{{MESSAGE}}</p>
{{/KIND_ERROR}}    <label for="ticket-error-text">工单内容</label>
    <textarea id="ticket-error-text" name="text" rows="4" maxlength="2000">{{TEXT:pre_escape}}</textarea>
{{#TEXT_ERROR}}    <p class="field-error" data-field="text">{{MESSAGE}}</p>
{{/TEXT_ERROR}}    <button type="submit" class="primary">登记工单</button>
  </form>
</section>
{{/TICKET_ERROR}}
<section class="card survey-part" data-part="response-rate">
  <h2>回收率</h2>
  <p class="survey-big">共 <strong data-figure="households" data-value="{{HOUSEHOLDS}}">{{HOUSEHOLDS}}</strong> 户，已答 <strong data-figure="responses" data-value="{{RESPONSES}}">{{RESPONSES}}</strong> 户，回收率 <strong data-figure="response-rate" data-value="{{RESPONSE_RATE}}">{{RESPONSE_RATE_TEXT}}</strong></p>
  <div class="table-scroll">
  <table class="list figures" data-figure="buildings">
    <thead><tr><th>楼栋</th><th class="num">住户数</th><th class="num">已答</th><th class="num">回收率</th></tr></thead>
    <tbody>
{{#BUILDING}}      <tr data-building-code="{{CODE}}" data-households="{{HOUSEHOLDS}}" data-responses="{{RESPONSES}}"><td>{{NAME}}</td><td class="num">{{HOUSEHOLDS}}</td><td class="num">{{RESPONSES}}</td><td class="num" data-figure="rate" data-value="{{RATE}}">{{RATE_TEXT}}</td></tr>
{{/BUILDING}}{{#NO_BUILDING}}      <tr class="empty"><td colspan="4">调查对象中没有住户。</td></tr>
{{/NO_BUILDING}}    </tbody>
  </table>
  </div>
  <p class="hint">住户：调查对象中现有人居住的房屋；只计每户最后一次提交的答卷。</p>
</section>

<section class="card survey-part" data-part="overall">
  <h2>总体满意度</h2>
  <div class="figure-grid">
    <table class="list figures" data-figure="overall">
      <tbody>
        <tr><th>评分题答案数</th><td class="num" data-figure="overall-count" data-value="{{OVERALL_COUNT}}">{{OVERALL_COUNT}}</td></tr>
        <tr><th>平均分（5 分制）</th><td class="num" data-figure="overall-mean" data-value="{{OVERALL_MEAN}}">{{OVERALL_MEAN_TEXT}}</td></tr>
        <tr><th>满意率（4-5 分）</th><td class="num big" data-figure="overall-satisfaction" data-value="{{OVERALL_SATISFACTION}}">{{OVERALL_SATISFACTION_TEXT}}</td></tr>
        <tr><th>目标 {{TARGET_PCT}}%</th><td class="num target-{{TARGET_MET}}" data-figure="target-met" data-value="{{TARGET_MET}}">{{TARGET_WORDS}}</td></tr>
      </tbody>
    </table>
    <table class="list figures" data-figure="nps-overall">
      <tbody>
        <tr><th>推荐意愿答案数</th><td class="num" data-figure="nps-count" data-value="{{NPS_COUNT}}">{{NPS_COUNT}}</td></tr>
        <tr><th>NPS 净推荐值</th><td class="num big" data-figure="nps" data-value="{{NPS}}">{{NPS_TEXT}}</td></tr>
      </tbody>
    </table>
  </div>
  <p class="hint">满意率：评分题中 4 分和 5 分的答案所占比例。NPS：推荐者（9-10 分）比例减去贬损者（0-6 分）比例。</p>
</section>

<section class="card survey-part" data-part="compare">
  <h2>与上一次调查比较</h2>
{{#PREVIOUS}}  <p class="hint" data-previous-id="{{ID}}">上一次：<a href="/office/survey?id={{ID:u}}">{{TITLE}}</a>（{{PERIOD}}）</p>
  <div class="table-scroll">
  <table class="list figures" data-figure="compare">
    <thead><tr><th>指标</th><th class="num">本次</th><th class="num">上一次</th><th class="num">变化</th></tr></thead>
    <tbody>
{{#COMPARE_ROW}}      <tr data-compare="{{CODE}}"><td>{{NAME}}</td><td class="num" data-figure="current" data-value="{{CURRENT}}">{{CURRENT_TEXT}}</td><td class="num" data-figure="previous" data-value="{{PREVIOUS}}">{{PREVIOUS_TEXT}}</td><td class="num change-{{CHANGE_CLASS}}" data-figure="difference" data-value="{{DIFFERENCE}}">{{DIFFERENCE_TEXT}}</td></tr>
{{/COMPARE_ROW}}    </tbody>
  </table>
  </div>
{{/PREVIOUS}}{{#NO_PREVIOUS}}  <p class="hint" data-previous-id="">这是本小区的第一次调查，没有可比较的上一次调查。</p>
{{/NO_PREVIOUS}}</section>

<section class="card survey-part" data-part="areas">
  <h2>按服务项目</h2>
  {{>AREA_ROW_CHART}}
  <div class="table-scroll">
  <table class="list figures" data-figure="areas">
    <thead><tr><th>服务项目</th><th class="num">答案数</th><th class="num">平均分</th><th class="num">满意率</th></tr></thead>
    <tbody>
{{#AREA_ROW}}      <tr data-area="{{CODE}}"><td>{{NAME}}</td><td class="num" data-figure="count" data-value="{{COUNT}}">{{COUNT}}</td><td class="num" data-figure="mean" data-value="{{MEAN}}">{{MEAN_TEXT}}</td><td class="num" data-figure="satisfaction" data-value="{{SATISFACTION}}">{{SATISFACTION_TEXT}}</td></tr>
{{/AREA_ROW}}{{#NO_AREA_ROW}}      <tr class="empty"><td colspan="4">没有标注服务项目的评分题。</td></tr>
{{/NO_AREA_ROW}}    </tbody>
  </table>
  </div>
  <h2>按服务质量维度（SERVQUAL）</h2>
  {{>DIMENSION_ROW_CHART}}
  <div class="table-scroll">
  <table class="list figures" data-figure="dimensions">
    <thead><tr><th>维度</th><th class="num">答案数</th><th class="num">平均分</th><th class="num">满意率</th></tr></thead>
    <tbody>
{{#DIMENSION_ROW}}      <tr data-dimension="{{CODE}}"><td>{{NAME}}</td><td class="num" data-figure="count" data-value="{{COUNT}}">{{COUNT}}</td><td class="num" data-figure="mean" data-value="{{MEAN}}">{{MEAN_TEXT}}</td><td class="num" data-figure="satisfaction" data-value="{{SATISFACTION}}">{{SATISFACTION_TEXT}}</td></tr>
{{/DIMENSION_ROW}}{{#NO_DIMENSION_ROW}}      <tr class="empty"><td colspan="4">没有标注维度的评分题。</td></tr>
{{/NO_DIMENSION_ROW}}    </tbody>
  </table>
  </div>
</section>

<section class="card survey-part" data-part="questions">
  <h2>逐题统计</h2>
{{#NO_QUESTION}}  <p class="hint">这份问卷还没有题目。</p>
{{/NO_QUESTION}}{{#QUESTION}}  <article class="survey-question" data-question-id="{{ID}}" data-type="{{TYPE}}">
    <h3>{{POSITION}}. {{TEXT}}</h3>
    <p class="hint">{{TYPE_NAME}}{{#AREA}} · {{NAME}}{{/AREA}}{{#DIMENSION}} · {{NAME}}{{/DIMENSION}} · 作答 <span data-question-id="{{ID}}" data-figure="respondents" data-value="{{RESPONDENTS}}">{{RESPONDENTS}}</span> 户</p>
{{#RATING}}    <p class="survey-figures">平均分 <strong data-question-id="{{ID}}" data-figure="mean" data-value="{{MEAN}}">{{MEAN_TEXT}}</strong> · 满意率 <strong data-question-id="{{ID}}" data-figure="satisfaction" data-value="{{SATISFACTION}}">{{SATISFACTION_TEXT}}</strong> · 答案数 <strong data-question-id="{{ID}}" data-figure="count" data-value="{{COUNT}}">{{COUNT}}</strong></p>
    {{>CHART}}
    <table class="list figures compact" data-figure="distribution">
      <thead><tr><th>分值</th><th class="num">答案数</th><th class="num">占比</th></tr></thead>
      <tbody>
{{#VALUE_ROW}}        <tr data-score="{{VALUE}}"><td>{{LABEL}}</td><td class="num" data-question-id="{{ID}}" data-figure="count-{{VALUE}}" data-value="{{COUNT}}">{{COUNT}}</td><td class="num" data-question-id="{{ID}}" data-figure="share-{{VALUE}}" data-value="{{SHARE}}">{{SHARE_TEXT}}</td></tr>
{{/VALUE_ROW}}      </tbody>
    </table>
{{/RATING}}{{#NPS}}    <p class="survey-figures">NPS <strong data-question-id="{{ID}}" data-figure="nps" data-value="{{NPS}}">{{NPS_TEXT}}</strong> · 推荐者 <span data-question-id="{{ID}}" data-figure="promoters" data-value="{{PROMOTERS}}">{{PROMOTERS}}</span>（<span data-question-id="{{ID}}" data-figure="promoters-share" data-value="{{PROMOTERS_SHARE}}">{{PROMOTERS_SHARE_TEXT}}</span>）· 中立者 <span data-question-id="{{ID}}" data-figure="passives" data-value="{{PASSIVES}}">{{PASSIVES}}</span>（<span data-question-id="{{ID}}" data-figure="passives-share" data-value="{{PASSIVES_SHARE}}">{{PASSIVES_SHARE_TEXT}}</span>）· 贬损者 <span data-question-id="{{ID}}" data-figure="detractors" data-value="{{DETRACTORS}}">{{DETRACTORS}}</span>（<span data-question-id="{{ID}}" data-figure="detractors-share" data-value="{{DETRACTORS_SHARE}}">{{DETRACTORS_SHARE_TEXT}}</span>）· 答案数 <strong data-question-id="{{ID}}" data-figure="count" data-value="{{COUNT}}">{{COUNT}}</strong></p>
    {{>CHART}}
    <table class="list figures compact" data-figure="distribution">
      <thead><tr><th>分值</th><th class="num">答案数</th><th class="num">占比</th></tr></thead>
      <tbody>
{{#VALUE_ROW}}        <tr data-score="{{VALUE}}"><td>{{LABEL}}</td><td class="num" data-question-id="{{ID}}" data-figure="count-{{VALUE}}" data-value="{{COUNT}}">{{COUNT}}</td><td class="num" data-question-id="{{ID}}" data-figure="share-{{VALUE}}" data-value="{{SHARE}}">{{SHARE_TEXT}}</td></tr>
{{/VALUE_ROW}}      </tbody>
    </table>
{{/NPS}}{{#CHOICES}}    {{>CHART}}
    <table class="list figures compact" data-figure="choices">
      <thead><tr><th>选项</th><th class="num">选择户数</th><th class="num">占作答户</th></tr></thead>
      <tbody>
{{#CHOICE_ROW}}        <tr data-choice="{{NUMBER}}"><td>{{NUMBER}}. {{TEXT}}</td><td class="num" data-question-id="{{ID}}" data-figure="choice-{{NUMBER}}" data-value="{{COUNT}}">{{COUNT}}</td><td class="num" data-question-id="{{ID}}" data-figure="choice-{{NUMBER}}-share" data-value="{{SHARE}}">{{SHARE_TEXT}}</td></tr>
{{/CHOICE_ROW}}      </tbody>
    </table>
{{/CHOICES}}{{#TEXTS}}    <p class="survey-figures">填写了意见 <strong data-question-id="{{ID}}" data-figure="count" data-value="{{COUNT}}">{{COUNT}}</strong> 条，内容见下方“住户意见”。</p>
{{/TEXTS}}  </article>
{{/QUESTION}}</section>

<section class="card survey-part" data-part="low-scores">
  <h2>低分答卷 <span class="hint">评分 2 分及以下、推荐意愿 3 分及以下；只显示楼栋</span></h2>
  <ul class="survey-feedback" data-list="low-scores">
{{#LOW}}    <li data-response-id="{{RESPONSE}}" data-question-id="{{QUESTION}}" data-score="{{VALUE}}">
      <p class="feedback-meta">{{BUILDING}} · {{DATE}} · 第 {{POSITION}} 题 {{QUESTION_TEXT}}</p>
      <p class="feedback-text"><strong>{{VALUE}} 分</strong>{{#NPS}}（推荐意愿 0-10）{{/NPS}}</p>
      {{>TICKET}}
    </li>
{{/LOW}}{{#NO_LOW}}    <li class="empty">没有低分答卷。</li>
{{/NO_LOW}}  </ul>
</section>

<section class="card survey-part" data-part="comments">
  <h2>住户意见 <span class="hint">按提交时间从新到旧；匿名，只显示楼栋</span></h2>
  <form class="comment-search" method="get" action="/office/survey" role="search">
    <input type="hidden" name="id" value="{{SURVEY_ID}}">
    <label for="comment-q">搜索意见</label>
    <input id="comment-q" type="search" name="q" value="{{Q}}" maxlength="50" placeholder="输入意见中的字词">
    <button type="submit" class="secondary">搜索</button>
{{#SEARCHING}}    <a href="/office/survey?id={{SURVEY_ID:u}}#comments">清除</a>
{{/SEARCHING}}  </form>
  <p class="hint" id="comments" data-figure="comment-count" data-value="{{COMMENT_COUNT}}">{{#SEARCHING}}含“{{Q}}”的意见 {{/SEARCHING}}共 {{COMMENT_COUNT}} 条</p>
  <ul class="survey-feedback" data-list="comments">
{{#COMMENT}}    <li data-response-id="{{RESPONSE}}" data-question-id="{{QUESTION}}">
      <p class="feedback-meta">{{BUILDING}} · {{DATE}} · 第 {{POSITION}} 题 {{QUESTION_TEXT}}</p>
      <p class="feedback-text" data-comment="1">{{TEXT:pre_escape}}</p>
      {{>TICKET}}
    </li>
{{/COMMENT}}{{#NO_MATCH}}    <li class="empty">没有含这些字词的意见。</li>
{{/NO_MATCH}}{{#NO_COMMENT}}    <li class="empty">还没有住户填写意见。</li>
{{/NO_COMMENT}}  </ul>
</section>
