{{%AUTOESCAPE context="HTML"}}<section class="card reno-new" data-page="office-renovation-new">
  <p class="back"><a href="/office/renovations">‹ 装修管理</a></p>
  <h1>代办装修申请</h1>
  <p class="hint">业主到服务中心办理时填写；提交后进入待审核。</p>
  <form class="stacked reno-form" method="post" action="/office/renovation-new" enctype="multipart/form-data" data-form="apply" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label>房号 <input name="unit_code" value="{{UNIT_CODE}}" maxlength="20" placeholder="如 1-1-101" required></label>
{{#UNIT_CODE_ERROR}}    <p class="field-error" data-field="unit_code">{{MESSAGE}}</p>
{{/UNIT_CODE_ERROR}}    <div class="reno-pair">
      <label>申请人 <input name="applicant_name" value="{{APPLICANT_NAME}}" maxlength="50" required></label>
      <label>申请人电话 <input name="applicant_phone" value="{{APPLICANT_PHONE}}" inputmode="tel" maxlength="20" required></label>
    </div>
{{#APPLICANT_NAME_ERROR}}    <p class="field-error" data-field="applicant_name">{{MESSAGE}}</p>
{{/APPLICANT_NAME_ERROR}}{{#APPLICANT_PHONE_ERROR}}    <p class="field-error" data-field="applicant_phone">{{MESSAGE}}</p>
{{/APPLICANT_PHONE_ERROR}}{{>FIELDS}}    <button type="submit" class="primary">提交申请</button>
  </form>
</section>
