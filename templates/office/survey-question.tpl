{{%AUTOESCAPE context="HTML"}}<input type="hidden" name="csrf" value="{{CSRF}}">
        <label>题型 <select name="type" required>
{{#TYPE_OPTION}}          <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/TYPE_OPTION}}        </select></label>
{{#TYPE_ERROR}}        <p class="field-error" data-field="type">{{MESSAGE}}</p>
{{/TYPE_ERROR}}        <label>题目内容（最多 300 字） <textarea name="text" rows="2" maxlength="300" required>{{TEXT:pre_escape}}</textarea></label>
{{#TEXT_ERROR}}        <p class="field-error" data-field="text">{{MESSAGE}}</p>
{{/TEXT_ERROR}}        <label>选项（仅单选、多选题：每行一个，2-20 个） <textarea name="choices" rows="4">{{CHOICES:pre_escape}}</textarea></label>
{{#CHOICES_ERROR}}        <p class="field-error" data-field="choices">{{MESSAGE}}</p>
{{/CHOICES_ERROR}}        <div class="survey-tags">
          <label>服务项目 <select name="area">
            <option value="">（不归类）</option>
{{#AREA_OPTION}}            <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/AREA_OPTION}}          </select></label>
          <label>服务质量维度 <select name="dimension">
            <option value="">（不归类）</option>
{{#DIMENSION_OPTION}}            <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>
{{/DIMENSION_OPTION}}          </select></label>
        </div>
{{#AREA_ERROR}}        <p class="field-error" data-field="area">{{MESSAGE}}</p>
{{/AREA_ERROR}}{{#DIMENSION_ERROR}}        <p class="field-error" data-field="dimension">{{MESSAGE}}</p>
{{/DIMENSION_ERROR}}        <label class="check"><input type="checkbox" name="required" value="1"{{#REQUIRED_CHECKED}} checked{{/REQUIRED_CHECKED}}> 必答</label>
