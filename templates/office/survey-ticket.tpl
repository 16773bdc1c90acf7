{{%AUTOESCAPE context="HTML"}}{{#MADE}}<p class="made-ticket" data-ticket-code="{{CODE}}">已转为工单 <a href="/office/ticket?id={{TICKET_ID:u}}">{{CODE}}</a></p>
{{/MADE}}{{#FORM}}<details class="survey-make-ticket">
        <summary>转为工单</summary>
        <form method="post" action="/office/survey?id={{SURVEY_ID:u}}" class="stack" data-ticket-form="{{RESPONSE}}-{{QUESTION}}">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <input type="hidden" name="action" value="ticket">
          <input type="hidden" name="response" value="{{RESPONSE}}">
          <input type="hidden" name="question" value="{{QUESTION}}">
          <fieldset class="choice"><legend>类型</legend>
            <div class="segmented">
              <label><input type="radio" name="kind" value="complaint"{{#COMPLAINT}} checked{{/COMPLAINT}}> 投诉</label>
              <label><input type="radio" name="kind" value="suggestion"{{#SUGGESTION}} checked{{/SUGGESTION}}> 建议</label>
            </div>
          </fieldset>
          <label for="ticket-text-{{RESPONSE}}-{{QUESTION}}">工单内容（房号由系统按答卷填写，不在此页显示）</label>
          <textarea id="ticket-text-{{RESPONSE}}-{{QUESTION}}" name="text" rows="3" maxlength="2000" required>{{TEXT:pre_escape}}</textarea>
          <button type="submit" class="primary">登记工单</button>
        </form>
      </details>
{{/FORM}}
