{{%AUTOESCAPE context="HTML"}}{{>CASE_HEAD}}
<section class="card reno-passes" data-page="office-renovation-passes" data-renovation-id="{{ID}}" data-workers="{{WORKERS}}" data-passes-total="{{TOTAL}}" data-passes-left="{{LEFT}}">
{{#SAVED}}  <p class="notice" role="status" data-saved="{{WHAT}}">{{MESSAGE}}</p>
{{/SAVED}}  <h2>临时出入证</h2>
  <p class="reno-pass-count">登记施工人员 <strong>{{WORKERS}}</strong> 人，已收出入证押金 {{WORKERS}} 张；已发放 <strong>{{TOTAL}}</strong> 张（在用 {{OUT}} 张），还可发放 <strong data-left>{{LEFT}}</strong> 张。</p>
{{#NO_PASSES}}  <p class="empty">还没有发放出入证。</p>
{{/NO_PASSES}}  <ul class="reno-pass-list">
{{#PASS}}    <li class="reno-pass-row pass-{{STATE}}" data-pass-id="{{ID}}" data-pass-no="{{PASS_NO}}" data-state="{{STATE}}">
      <div class="reno-pass-main">
        <p><strong>{{PASS_NO}}</strong> {{NAME}} <span class="reno-pass-state state-{{STATE}}">{{STATE_NAME}}</span>{{#EXPIRED}} <span class="reno-pass-expired" data-expired>已过期</span>{{/EXPIRED}}{{#PHOTO}} <span class="reno-pass-has-photo">有照片</span>{{/PHOTO}}</p>
        <p class="reno-pass-meta">身份证 {{ID_MASKED}} · 电话 {{PHONE}} · 有效期 {{VALID_FROM}} 至 {{VALID_TO}} · {{ISSUED_BY}} {{ISSUED}} 发放</p>
      </div>
      <div class="reno-pass-actions no-print">
        <a class="button secondary" href="/office/renovation-pass?id={{ID:u}}">打印</a>
{{#CLOSE}}        <form method="post" action="/office/renovation-passes?id={{CASE_ID:u}}" data-form="return">
          <input type="hidden" name="csrf" value="{{CSRF}}">
          <input type="hidden" name="version" value="{{VERSION}}">
          <input type="hidden" name="pass" value="{{PASS_ID}}">
          <button type="submit" name="action" value="return" class="secondary">收回</button>
          <button type="submit" name="action" value="lost" class="secondary danger">挂失</button>
        </form>
{{/CLOSE}}      </div>
    </li>
{{/PASS}}  </ul>
</section>
{{#NO_FORM}}<section class="card reno-pass-form-off"><p class="empty" data-no-form>{{WHY}}</p></section>
{{/NO_FORM}}{{#FORM}}<section class="card reno-pass-issue" id="issue">
  <h2>发放出入证</h2>
  <form class="stacked" method="post" action="/office/renovation-passes?id={{ID:u}}" enctype="multipart/form-data" data-form="issue" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="version" value="{{VERSION}}">
    <input type="hidden" name="action" value="issue">
    <label>姓名 <input name="name" value="{{NAME}}" maxlength="20" required autocomplete="off"></label>
{{#NAME_ERROR}}    <p class="field-error" data-field="name">{{MESSAGE}}</p>
{{/NAME_ERROR}}    <label>身份证号（18 位，只保存前 4 位和后 4 位） <input name="id_number" value="" maxlength="18" required autocomplete="off" inputmode="text"></label>
{{#ID_NUMBER_ERROR}}    <p class="field-error" data-field="id_number">{{MESSAGE}}</p>
{{/ID_NUMBER_ERROR}}    <label>电话（可不填） <input name="phone" type="tel" value="{{PHONE}}" maxlength="20"></label>
{{#PHONE_ERROR}}    <p class="field-error" data-field="phone">{{MESSAGE}}</p>
{{/PHONE_ERROR}}    <div class="reno-pass-dates">
      <label>有效期起 <input name="valid_from" type="date" value="{{VALID_FROM}}" min="{{PERMIT_FROM}}" max="{{PERMIT_TO}}"></label>
      <label>有效期止 <input name="valid_to" type="date" value="{{VALID_TO}}" min="{{PERMIT_FROM}}" max="{{PERMIT_TO}}"></label>
    </div>
{{#VALID_FROM_ERROR}}    <p class="field-error" data-field="valid_from">{{MESSAGE}}</p>
{{/VALID_FROM_ERROR}}{{#VALID_TO_ERROR}}    <p class="field-error" data-field="valid_to">{{MESSAGE}}</p>
{{/VALID_TO_ERROR}}    <p class="hint">许可证期限 {{PERMIT_FROM}} 至 {{PERMIT_TO}}，出入证有效期不能超出。</p>
    <label>照片（可不填；JPEG、PNG 或 WebP，不超过 2 MB） <input name="photo" type="file" accept="image/jpeg,image/png,image/webp"></label>
{{#PHOTO_ERROR}}    <p class="field-error" data-field="photo">{{MESSAGE}}</p>
{{/PHOTO_ERROR}}    <button type="submit">发放</button>
  </form>
</section>
{{/FORM}}
