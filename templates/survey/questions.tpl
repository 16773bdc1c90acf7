{{%AUTOESCAPE context="HTML"}}  <p class="survey-intro">{{INTRO:pre_escape}}</p>
{{#ERRORS}}  <p class="survey-errors" role="alert">有 {{COUNT}} 题需要修改，请查看下方标出的题目。</p>
{{/ERRORS}}
  <form method="post" action="{{ACTION}}" class="survey-questions" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
{{#READ_ONLY}}    <fieldset disabled class="survey-readonly">
{{/READ_ONLY}}{{#QUESTION}}    <fieldset class="survey-question{{#ERROR}} has-error{{/ERROR}}" data-question-id="{{ID}}" data-type="{{TYPE}}" id="q{{ID}}-block">
      <legend><span class="q-number">{{NUMBER}}.</span> {{TEXT}}{{#REQUIRED}} <span class="required" title="必答">*必答</span>{{/REQUIRED}}{{#AREA}} <span class="tag">{{NAME}}</span>{{/AREA}}</legend>
{{#MULTI_HINT}}      <p class="hint">可多选</p>
{{/MULTI_HINT}}{{#RATING}}      <div class="segmented survey-scale rating">
{{#OPTION}}        <label><input type="radio" name="q{{ID}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> <span>{{VALUE}} {{LABEL}}</span></label>
{{/OPTION}}      </div>
{{/RATING}}{{#NPS}}      <div class="segmented survey-scale nps">
{{#OPTION}}        <label><input type="radio" name="q{{ID}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> <span>{{LABEL}}</span></label>
{{/OPTION}}      </div>
      <p class="hint nps-ends"><span>0 = 完全不可能</span><span>10 = 非常愿意</span></p>
{{/NPS}}{{#SINGLE}}      <div class="survey-choices">
{{#OPTION}}        <label><input type="radio" name="q{{ID}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> <span>{{LABEL}}</span></label>
{{/OPTION}}      </div>
{{/SINGLE}}{{#MULTIPLE}}      <div class="survey-choices">
{{#OPTION}}        <label><input type="checkbox" name="q{{ID}}" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> <span>{{LABEL}}</span></label>
{{/OPTION}}      </div>
{{/MULTIPLE}}{{#SHORT}}      <input type="text" name="q{{ID}}" value="{{VALUE}}" maxlength="300" aria-label="第 {{NUMBER}} 题">
{{/SHORT}}{{#LONG}}      <textarea name="q{{ID}}" rows="4" maxlength="2000" aria-label="第 {{NUMBER}} 题">{{VALUE:pre_escape}}</textarea>
{{/LONG}}{{#ERROR}}      <p class="field-error" data-field="q{{ID}}">{{MESSAGE}}</p>
{{/ERROR}}    </fieldset>
{{/QUESTION}}{{#READ_ONLY}}    </fieldset>
{{/READ_ONLY}}{{#EDITABLE}}    <button type="submit" class="primary">提交问卷</button>
{{/EDITABLE}}  </form>
