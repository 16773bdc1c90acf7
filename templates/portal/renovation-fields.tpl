{{%AUTOESCAPE context="HTML"}}      <label>装修公司（自行装修可不填） <input name="company" value="{{COMPANY}}" maxlength="100" autocomplete="organization"></label>
{{#COMPANY_ERROR}}      <p class="field-error" data-field="company">{{MESSAGE}}</p>
{{/COMPANY_ERROR}}      <div class="reno-pair">
        <label>施工负责人 <input name="foreman" value="{{FOREMAN}}" maxlength="50" required></label>
        <label>负责人电话 <input name="foreman_phone" value="{{FOREMAN_PHONE}}" inputmode="tel" maxlength="20" required></label>
      </div>
{{#FOREMAN_ERROR}}      <p class="field-error" data-field="foreman">{{MESSAGE}}</p>
{{/FOREMAN_ERROR}}{{#FOREMAN_PHONE_ERROR}}      <p class="field-error" data-field="foreman_phone">{{MESSAGE}}</p>
{{/FOREMAN_PHONE_ERROR}}      <div class="reno-pair">
        <label>计划开工 <input type="date" name="planned_start" value="{{PLANNED_START}}" min="{{TODAY}}" required></label>
        <label>计划完工 <input type="date" name="planned_end" value="{{PLANNED_END}}" min="{{TODAY}}" required></label>
      </div>
{{#PLANNED_START_ERROR}}      <p class="field-error" data-field="planned_start">{{MESSAGE}}</p>
{{/PLANNED_START_ERROR}}{{#PLANNED_END_ERROR}}      <p class="field-error" data-field="planned_end">{{MESSAGE}}</p>
{{/PLANNED_END_ERROR}}      <p class="hint">工期最长 180 天；开工日期不早于今天。</p>
      <fieldset class="choice reno-scope">
        <legend>装修项目（可多选）</legend>
{{#SCOPE_OPTION}}        <label><input type="checkbox" name="scope" value="{{CODE}}"{{#CHECKED}} checked{{/CHECKED}}> {{NAME}}</label>
{{/SCOPE_OPTION}}      </fieldset>
{{#SCOPE_ERROR}}      <p class="field-error" data-field="scope">{{MESSAGE}}</p>
{{/SCOPE_ERROR}}      <label>装修说明 <textarea name="description" rows="4" maxlength="2000" placeholder="如：客厅铺木地板，厨房更换橱柜">{{DESCRIPTION:pre_escape}}</textarea></label>
{{#DESCRIPTION_ERROR}}      <p class="field-error" data-field="description">{{MESSAGE}}</p>
{{/DESCRIPTION_ERROR}}      <label>施工人数（1–50 人，按人数办理临时出入证） <input type="number" name="workers" value="{{WORKERS}}" min="1" max="50" inputmode="numeric" required></label>
{{#WORKERS_ERROR}}      <p class="field-error" data-field="workers">{{MESSAGE}}</p>
{{/WORKERS_ERROR}}      <fieldset class="choice reno-files">
        <legend>附件（PDF、JPEG、PNG 或 WebP，每个不超过 5 MB，每个申请最多 5 个）</legend>
        <label>施工图纸 <input type="file" name="plan" accept="application/pdf,image/jpeg,image/png,image/webp" multiple></label>
{{#PLAN_ERROR}}        <p class="field-error" data-field="plan">{{MESSAGE}}</p>
{{/PLAN_ERROR}}        <label>装修公司营业执照、资质 <input type="file" name="licence" accept="application/pdf,image/jpeg,image/png,image/webp" multiple></label>
{{#LICENCE_ERROR}}        <p class="field-error" data-field="licence">{{MESSAGE}}</p>
{{/LICENCE_ERROR}}        <label>其他材料 <input type="file" name="other" accept="application/pdf,image/jpeg,image/png,image/webp" multiple></label>
{{#OTHER_ERROR}}        <p class="field-error" data-field="other">{{MESSAGE}}</p>
{{/OTHER_ERROR}}      </fieldset>
      <label class="reno-undertaking"><input type="checkbox" name="no_structural" value="1"{{#NO_STRUCTURAL_CHECKED}} checked{{/NO_STRUCTURAL_CHECKED}}> 本人承诺：装修中不拆改承重墙、梁、柱、楼板等承重结构，不改变房屋外立面，遵守《装修管理规定》。</label>
{{#NO_STRUCTURAL_ERROR}}      <p class="field-error" data-field="no_structural">{{MESSAGE}}</p>
{{/NO_STRUCTURAL_ERROR}}
