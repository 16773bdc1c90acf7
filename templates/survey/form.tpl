{{%AUTOESCAPE context="HTML"}}<article class="card survey-form" data-survey-id="{{SURVEY_ID}}" data-state="{{STATE}}">
  <h1>{{TITLE}}</h1>
{{#NOT_OPEN}}  <p class="notice">本调查尚未开始，将于 {{OPENS}} 开放填写，届时欢迎您参与。</p>
{{/NOT_OPEN}}{{#DONE}}  <p class="notice survey-thanks" role="status">感谢您的参与！您的回答已提交。</p>
{{/DONE}}{{#SUBMITTED}}  <p class="survey-submitted" data-submitted>您已于 {{AT}} 提交，可修改至 {{UNTIL}}。下面是您提交的回答，修改后再次提交即可。</p>
{{/SUBMITTED}}{{#SUBMITTED_CLOSED}}  <p class="survey-submitted" data-submitted>您已于 {{AT}} 提交。下面是您的回答。</p>
{{/SUBMITTED_CLOSED}}{{#CLOSED}}  <p class="notice survey-closed" data-closed>本调查已于 {{CLOSES}} 截止，不再接受填写。感谢您的关注。</p>
{{/CLOSED}}{{#EDITABLE}}  <p class="survey-meta">房号 <strong>{{UNIT_CODE}}</strong> · 截止时间 {{CLOSES}} · 每户一份，截止前可修改</p>
{{/EDITABLE}}{{>QUESTIONS}}</article>
