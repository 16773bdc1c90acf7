{{%AUTOESCAPE context="HTML"}}<section class="card ticket-form" data-page="portal-new-ticket">
  <h1>报事报修</h1>
  <p class="hint">报修、投诉、建议、咨询、表扬都可以在这里提交，物业服务中心会尽快处理并在“我的工单”中回复您。紧急情况（漏水、停电、被困电梯）请直接拨打服务电话。</p>
{{#GENERAL_ERROR}}  <p class="field-error" data-field="{{FIELD}}" role="alert">{{MESSAGE}}</p>
{{/GENERAL_ERROR}}  <form method="post" action="/portal/new-ticket" enctype="multipart/form-data" class="stack">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <fieldset class="choice">
      <legend>类型</legend>
      <div class="segmented">
{{#KIND_OPTION}}        <label><input type="radio" name="kind" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}} required><span>{{NAME}}</span></label>
{{/KIND_OPTION}}      </div>
{{#KIND_ERROR}}      <p class="field-error" data-field="kind">{{MESSAGE}}</p>
{{/KIND_ERROR}}    </fieldset>

    <label for="category">分类</label>
    <select id="category" name="category" required>
      <option value=""{{#NO_CATEGORY}} selected{{/NO_CATEGORY}}>请选择分类</option>
{{#CATEGORY_GROUP}}      <optgroup label="{{LABEL}}" data-kind="{{GROUP_KIND}}">
{{#OPTION}}        <option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/OPTION}}      </optgroup>
{{/CATEGORY_GROUP}}    </select>
    <small class="hint">请选择与上面“类型”一致的分类。</small>
{{#CATEGORY_ERROR}}    <p class="field-error" data-field="category">{{MESSAGE}}</p>
{{/CATEGORY_ERROR}}
    <fieldset class="choice">
      <legend>位置</legend>
      <div class="segmented">
{{#LOCATION_OPTION}}        <label><input type="radio" name="location" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}} required><span>{{NAME}}</span></label>
{{/LOCATION_OPTION}}      </div>
{{#NO_UNIT}}      <small class="hint">您的账户尚未关联房屋，只能报公共区域的问题。</small>
{{/NO_UNIT}}{{#LOCATION_ERROR}}      <p class="field-error" data-field="location">{{MESSAGE}}</p>
{{/LOCATION_ERROR}}    </fieldset>

    <label for="place">具体地点</label>
    <input id="place" name="place" type="text" value="{{PLACE}}" maxlength="100" placeholder="如：卫生间、3 栋电梯厅、南门岗亭">
    <small class="hint">公共区域必填；户内可写房间，如“厨房水槽下”。</small>
{{#PLACE_ERROR}}    <p class="field-error" data-field="place">{{MESSAGE}}</p>
{{/PLACE_ERROR}}
    <label for="description">问题描述</label>
    <textarea id="description" name="description" rows="6" maxlength="2000" required placeholder="请说明发生了什么、从什么时候开始、影响范围等">{{DESCRIPTION:pre_escape}}</textarea>
    <small class="hint">最多 2000 字。</small>
{{#DESCRIPTION_ERROR}}    <p class="field-error" data-field="description">{{MESSAGE}}</p>
{{/DESCRIPTION_ERROR}}
    <label for="phone">联系电话（选填）</label>
    <input id="phone" name="phone" type="tel" value="{{PHONE}}" maxlength="20" inputmode="tel" autocomplete="tel">
{{#PHONE_ERROR}}    <p class="field-error" data-field="phone">{{MESSAGE}}</p>
{{/PHONE_ERROR}}
    <label for="preferred_time">期望上门时间（选填）</label>
    <input id="preferred_time" name="preferred_time" type="datetime-local" value="{{PREFERRED_TIME}}">
    <small class="hint">报修时，维修人员会尽量按此时间上门。</small>
{{#PREFERRED_TIME_ERROR}}    <p class="field-error" data-field="preferred_time">{{MESSAGE}}</p>
{{/PREFERRED_TIME_ERROR}}
    <label for="photo">照片（选填）</label>
    <input id="photo" name="photo" type="file" accept="image/jpeg,image/png,image/webp" multiple>
    <small class="hint">最多 {{MAX_PHOTOS}} 张，每张不超过 {{PHOTO_MB}} MB，支持 JPEG、PNG、WebP。出错重新提交时请重新选择照片。</small>
{{#PHOTO_ERROR}}    <p class="field-error" data-field="photo">{{MESSAGE}}</p>
{{/PHOTO_ERROR}}
    <button type="submit" class="primary">提交</button>
  </form>
</section>
