{{%AUTOESCAPE context="HTML"}}<section class="card ticket-intake" data-page="office-new-ticket">
  <h1>登记工单</h1>
  <p class="hint">来电、来访、来信的报修、投诉、建议、咨询与表扬在此登记。登记人即首问负责人，跟进直到派工或办结。</p>
  <nav class="tabs kind-tabs" aria-label="工单类型">
{{#KIND_TAB}}    <a href="/office/new-ticket?kind={{CODE:u}}" data-kind="{{CODE}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{NAME}}</a>
{{/KIND_TAB}}  </nav>
{{#NOTICE}}  <p class="field-error form-notice" role="alert">{{TEXT}}</p>
{{/NOTICE}}  <form class="stacked" method="post" action="/office/new-ticket" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="kind" value="{{KIND}}">
{{#KIND_ERROR}}    <p class="field-error" data-field="kind">{{MESSAGE}}</p>
{{/KIND_ERROR}}    <fieldset>
      <legend>来源与报事人</legend>
      <div class="row2">
        <div>
          <label for="channel">来源</label>
          <select id="channel" name="channel">
{{#CHANNEL_OPTION}}            <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/CHANNEL_OPTION}}          </select>
{{#CHANNEL_ERROR}}          <p class="field-error" data-field="channel">{{MESSAGE}}</p>
{{/CHANNEL_ERROR}}        </div>
        <div>
          <label for="severity">紧急程度</label>
          <select id="severity" name="severity">
{{#SEVERITY_OPTION}}            <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/SEVERITY_OPTION}}          </select>
{{#SEVERITY_ERROR}}          <p class="field-error" data-field="severity">{{MESSAGE}}</p>
{{/SEVERITY_ERROR}}        </div>
      </div>
      <div class="row2">
        <div>
          <label for="reporter_name">报事人</label>
          <input id="reporter_name" name="reporter_name" type="text" value="{{REPORTER_NAME}}" maxlength="50" autocomplete="off">
{{#REPORTER_NAME_ERROR}}          <p class="field-error" data-field="reporter_name">{{MESSAGE}}</p>
{{/REPORTER_NAME_ERROR}}        </div>
        <div>
          <label for="reporter_phone">联系电话</label>
          <input id="reporter_phone" name="reporter_phone" type="tel" value="{{REPORTER_PHONE}}" maxlength="20" inputmode="tel" autocomplete="off">
{{#REPORTER_PHONE_ERROR}}          <p class="field-error" data-field="reporter_phone">{{MESSAGE}}</p>
{{/REPORTER_PHONE_ERROR}}{{#PHONE_ERROR}}          <p class="field-error" data-field="phone">{{MESSAGE}}</p>
{{/PHONE_ERROR}}        </div>
      </div>
    </fieldset>
    <fieldset>
      <legend>{{KIND_NAME}}内容</legend>
      <label for="category">类别</label>
      <select id="category" name="category" required>
        <option value="">请选择</option>
{{#CATEGORY_OPTION}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}（{{DEPARTMENT}}）</option>
{{/CATEGORY_OPTION}}      </select>
{{#CATEGORY_ERROR}}      <p class="field-error" data-field="category">{{MESSAGE}}</p>
{{/CATEGORY_ERROR}}      <span class="label">位置</span>
      <div class="choices">
        <label><input type="radio" name="location" value="home"{{#LOCATION_HOME}} checked{{/LOCATION_HOME}}> 户内</label>
        <label><input type="radio" name="location" value="common"{{#LOCATION_COMMON}} checked{{/LOCATION_COMMON}}> 公共区域</label>
      </div>
{{#LOCATION_ERROR}}      <p class="field-error" data-field="location">{{MESSAGE}}</p>
{{/LOCATION_ERROR}}      <div class="row2">
        <div>
          <label for="unit">房号</label>
          <input id="unit" name="unit" type="text" value="{{UNIT}}" maxlength="16" placeholder="1-1-101" autocomplete="off">
          <small class="hint">户内必填；公共区域可填报事人的房号</small>
{{#UNIT_ERROR}}          <p class="field-error" data-field="unit">{{MESSAGE}}</p>
{{/UNIT_ERROR}}        </div>
        <div>
          <label for="place">具体位置</label>
          <input id="place" name="place" type="text" value="{{PLACE}}" maxlength="100" placeholder="如 2栋电梯厅">
          <small class="hint">公共区域必填</small>
{{#PLACE_ERROR}}          <p class="field-error" data-field="place">{{MESSAGE}}</p>
{{/PLACE_ERROR}}        </div>
      </div>
      <label for="description">内容</label>
      <textarea id="description" name="description" rows="5" maxlength="2000" required>{{DESCRIPTION:pre_escape}}</textarea>
{{#DESCRIPTION_ERROR}}      <p class="field-error" data-field="description">{{MESSAGE}}</p>
{{/DESCRIPTION_ERROR}}      <label for="preferred_time">预约上门时间</label>
      <input id="preferred_time" name="preferred_time" type="datetime-local" value="{{PREFERRED_TIME}}" min="{{NOW}}">
      <small class="hint">报修可与业主约定上门时间；不填则按时限承诺处理</small>
{{#PREFERRED_TIME_ERROR}}      <p class="field-error" data-field="preferred_time">{{MESSAGE}}</p>
{{/PREFERRED_TIME_ERROR}}      <label for="photo">照片</label>
      <input id="photo" name="photo" type="file" accept="image/jpeg,image/png,image/webp" multiple>
      <small class="hint">最多 3 张，每张不超过 5 MB（JPEG、PNG、WebP）</small>
{{#PHOTO_ERROR}}      <p class="field-error" data-field="photo">{{MESSAGE}}</p>
{{/PHOTO_ERROR}}    </fieldset>
    <button type="submit" class="primary">登记</button>
  </form>
</section>
