{{%AUTOESCAPE context="HTML"}}<article class="survey-edit" data-page="office-survey-edit" data-survey-id="{{ID}}" data-phase="{{PHASE}}" data-answered="{{ANSWERED}}" data-responses="{{RESPONSES}}">
  <section class="card">
    <p class="hint"><a href="/office/surveys">满意度调查</a> › 问卷设计</p>
    <h1><span class="status-badge survey-phase-{{PHASE}}">{{PHASE_NAME}}</span> {{TITLE}}</h1>
{{#SAVED}}    <p class="notice" role="status" data-saved>{{MESSAGE}}</p>
{{/SAVED}}{{#REFUSED}}    <p class="form-notice" role="alert" data-refused>{{MESSAGE}}</p>
{{/REFUSED}}    <p>{{QUESTION_COUNT}} 道题，已收到 {{RESPONSES}} 户的答卷。{{#RESULTS}} <a href="/office/survey?id={{ID:u}}">查看结果</a>{{/RESULTS}}</p>
{{#PUBLISH}}    <form method="post" action="/office/survey-edit?id={{ID:u}}" class="inline-form survey-publish" data-form="publish">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="publish">
      <span class="hint">草稿只有工作人员能看到。发布后，住户在调查时间内可以作答。</span>
      <button type="submit" class="primary">发布问卷</button>
    </form>
{{/PUBLISH}}{{#LOCKED}}    <div class="form-notice" data-locked>
      <p>这份问卷已有住户作答，题目不能再修改（已收到的答案对应现在的题目）。标题、说明和调查时间仍可修改。如需调整题目，请复制为新问卷：</p>
      <form method="post" action="/office/surveys">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <input type="hidden" name="action" value="copy">
        <input type="hidden" name="id" value="{{ID}}">
        <button type="submit" class="secondary">复制为新问卷</button>
      </form>
    </div>
{{/LOCKED}}  </section>
{{#SETTINGS}}  <section class="card" id="settings">
    <h2>问卷设置</h2>
    <form class="stacked survey-settings" method="post" action="/office/survey-edit?id={{ID:u}}" data-form="settings" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="settings">
      <label>问卷标题 <input name="title" value="{{TITLE}}" maxlength="100" required></label>
{{#TITLE_ERROR}}      <p class="field-error" data-field="title">{{MESSAGE}}</p>
{{/TITLE_ERROR}}      <label>问卷说明（显示在问卷开头，最多 2000 字） <textarea name="intro" rows="6" maxlength="2000">{{INTRO:pre_escape}}</textarea></label>
{{#INTRO_ERROR}}      <p class="field-error" data-field="intro">{{MESSAGE}}</p>
{{/INTRO_ERROR}}      <div class="survey-period">
        <label>开始时间 <input type="datetime-local" name="opens_at" value="{{OPENS_AT}}" required></label>
        <label>结束时间 <input type="datetime-local" name="closes_at" value="{{CLOSES_AT}}" required></label>
      </div>
{{#OPENS_AT_ERROR}}      <p class="field-error" data-field="opens_at">{{MESSAGE}}</p>
{{/OPENS_AT_ERROR}}{{#CLOSES_AT_ERROR}}      <p class="field-error" data-field="closes_at">{{MESSAGE}}</p>
{{/CLOSES_AT_ERROR}}{{#AUDIENCE_FORM}}      <fieldset class="survey-audience">
        <legend>调查对象（有人居住的房屋，每户一份）</legend>
{{#AUDIENCE_OPTION}}        <label class="check"><input type="radio" name="audience" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{LABEL}}</label>
{{/AUDIENCE_OPTION}}{{#AUDIENCE_ERROR}}        <p class="field-error" data-field="audience">{{MESSAGE}}</p>
{{/AUDIENCE_ERROR}}        <p class="hint">选择“部分楼栋”时请勾选楼栋：</p>
        <div class="survey-buildings">
{{#BUILDING_OPTION}}          <label class="check"><input type="checkbox" name="building" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{NAME}}</label>
{{/BUILDING_OPTION}}        </div>
{{#BUILDING_ERROR}}        <p class="field-error" data-field="building">{{MESSAGE}}</p>
{{/BUILDING_ERROR}}        <p class="hint">选择“报事的住户”时请填写报事日期范围：</p>
        <div class="survey-period">
          <label>报事起始日期 <input type="date" name="ticket_from" value="{{TICKET_FROM}}"></label>
          <label>报事截止日期 <input type="date" name="ticket_to" value="{{TICKET_TO}}"></label>
        </div>
{{#TICKET_FROM_ERROR}}        <p class="field-error" data-field="ticket_from">{{MESSAGE}}</p>
{{/TICKET_FROM_ERROR}}{{#TICKET_TO_ERROR}}        <p class="field-error" data-field="ticket_to">{{MESSAGE}}</p>
{{/TICKET_TO_ERROR}}      </fieldset>
{{/AUDIENCE_FORM}}{{#AUDIENCE_KEPT}}      <p>调查对象：<strong data-audience-text>{{TEXT}}</strong><span class="hint">（已有答卷，不能再改）</span></p>
      <input type="hidden" name="audience" value="{{AUDIENCE}}">
{{#KEPT_BUILDING}}      <input type="hidden" name="building" value="{{CODE}}">
{{/KEPT_BUILDING}}      <input type="hidden" name="ticket_from" value="{{TICKET_FROM}}">
      <input type="hidden" name="ticket_to" value="{{TICKET_TO}}">
{{#AUDIENCE_ERROR}}      <p class="field-error" data-field="audience">{{MESSAGE}}</p>
{{/AUDIENCE_ERROR}}{{/AUDIENCE_KEPT}}      <label>满意率目标（%，评分 4-5 分的占比，50-100） <input type="number" name="target_pct" value="{{TARGET_PCT}}" min="50" max="100" required></label>
{{#TARGET_PCT_ERROR}}      <p class="field-error" data-field="target_pct">{{MESSAGE}}</p>
{{/TARGET_PCT_ERROR}}      <button type="submit" class="primary">保存设置</button>
    </form>
  </section>
{{/SETTINGS}}  <section class="card" id="questions">
    <h2>题目</h2>
{{#NO_QUESTIONS}}    <p class="empty">还没有题目。</p>
{{/NO_QUESTIONS}}    <ol class="survey-questions">
{{#QUESTION}}      <li class="survey-question" data-question-id="{{ID}}" data-position="{{POSITION}}" data-type="{{TYPE}}" data-area="{{AREA}}" data-dimension="{{DIMENSION}}" data-required="{{REQUIRED}}">
        <p class="survey-question-text">{{TEXT}}</p>
        <p class="badges"><span class="badge">{{TYPE_NAME}}</span>{{#AREA_TAG}}<span class="badge">{{NAME}}</span>{{/AREA_TAG}}{{#DIMENSION_TAG}}<span class="badge">{{NAME}}</span>{{/DIMENSION_TAG}}{{#IS_REQUIRED}}<span class="badge">必答</span>{{/IS_REQUIRED}}</p>
{{#CHOICE_LIST}}        <ul class="survey-choices">
{{#CHOICE}}          <li>{{TEXT}}</li>
{{/CHOICE}}        </ul>
{{/CHOICE_LIST}}{{#EDITABLE}}        <div class="survey-question-actions">
{{#CAN_UP}}          <form method="post" action="/office/survey-edit?id={{SURVEY:u}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="question_move"><input type="hidden" name="question" value="{{QUESTION_ID}}"><input type="hidden" name="dir" value="up"><button type="submit" class="secondary" aria-label="上移第 {{POSITION}} 题">上移</button></form>
{{/CAN_UP}}{{#CAN_DOWN}}          <form method="post" action="/office/survey-edit?id={{SURVEY:u}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="question_move"><input type="hidden" name="question" value="{{QUESTION_ID}}"><input type="hidden" name="dir" value="down"><button type="submit" class="secondary" aria-label="下移第 {{POSITION}} 题">下移</button></form>
{{/CAN_DOWN}}          <form method="post" action="/office/survey-edit?id={{SURVEY:u}}"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="action" value="question_remove"><input type="hidden" name="question" value="{{QUESTION_ID}}"><button type="submit" class="secondary danger" aria-label="删除第 {{POSITION}} 题">删除</button></form>
        </div>
        <details class="action"{{#OPEN}} open{{/OPEN}}>
          <summary>修改这道题</summary>
          <form class="stacked" method="post" action="/office/survey-edit?id={{SURVEY:u}}" data-form="question_update" novalidate>
            <input type="hidden" name="action" value="question_update">
            <input type="hidden" name="question" value="{{QUESTION_ID}}">
            {{>QFORM}}
            <button type="submit" class="primary">保存题目</button>
          </form>
        </details>
{{/EDITABLE}}      </li>
{{/QUESTION}}    </ol>
{{#ADD}}    <details class="action survey-add"{{#OPEN}} open{{/OPEN}}>
      <summary>添加题目</summary>
      <form class="stacked" method="post" action="/office/survey-edit?id={{ID:u}}" data-form="question_add" novalidate>
        <input type="hidden" name="action" value="question_add">
        {{>QFORM}}
        <button type="submit" class="primary">添加</button>
      </form>
    </details>
{{/ADD}}  </section>
</article>
