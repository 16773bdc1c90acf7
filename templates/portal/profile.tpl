{{%AUTOESCAPE context="HTML"}}<section class="card profile" data-page="portal-profile" data-unit="{{UNIT_CODE}}">
  <h1>我的资料</h1>
{{#SAVED}}  <p class="notice" role="status" data-saved="{{WHAT}}">{{TEXT}}</p>
{{/SAVED}}  <dl class="facts">
    <dt>姓名</dt><dd class="profile-name">{{NAME}}</dd>
    <dt>登录账号</dt><dd class="profile-login">{{LOGIN}}</dd>
    <dt>联系电话</dt><dd>{{OWN_PHONE}}</dd>
    <dt>紧急联系人</dt><dd>{{OWN_EMERGENCY}}</dd>
  </dl>
{{#SELF_FORM}}  <details class="profile-edit"{{#OPEN}} open{{/OPEN}}>
    <summary>修改我的联系方式</summary>
    <form method="post" action="/portal/profile" class="stack" data-form="contact" data-person-id="{{PERSON_ID}}">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="action" value="contact">
      <input type="hidden" name="person" value="{{PERSON_ID}}">
{{#PERSON_ERROR}}      <p class="field-error" data-field="person">{{MESSAGE}}</p>
{{/PERSON_ERROR}}      <label for="phone-{{PERSON_ID}}">联系电话（选填）</label>
      <input id="phone-{{PERSON_ID}}" name="phone" type="tel" value="{{PHONE}}" maxlength="20" inputmode="tel" autocomplete="tel">
{{#PHONE_ERROR}}      <p class="field-error" data-field="phone">{{MESSAGE}}</p>
{{/PHONE_ERROR}}      <label for="emergency-{{PERSON_ID}}">紧急联系人（选填）</label>
      <input id="emergency-{{PERSON_ID}}" name="emergency_contact" type="text" value="{{EMERGENCY_CONTACT}}" maxlength="100" placeholder="姓名 电话，如：张强 13900000000">
{{#EMERGENCY_CONTACT_ERROR}}      <p class="field-error" data-field="emergency_contact">{{MESSAGE}}</p>
{{/EMERGENCY_CONTACT_ERROR}}      <button type="submit" class="primary">保存联系方式</button>
    </form>
  </details>
{{/SELF_FORM}}</section>
<section class="card profile-units" data-section="my-units">
  <h2>我的房屋</h2>
{{#NO_UNITS}}  <p class="hint">您的账户尚未关联房屋，请携带有效证件到物业服务中心办理。</p>
{{/NO_UNITS}}{{#SWITCH_ERRORS}}{{#UNIT_ERROR}}  <p class="field-error" data-field="unit" role="alert">{{MESSAGE}}</p>
{{/UNIT_ERROR}}{{/SWITCH_ERRORS}}  <ul class="unit-choices">
{{#UNIT}}    <li class="unit-choice{{#CURRENT}} current{{/CURRENT}}" data-unit-id="{{ID}}" data-unit-code="{{CODE}}"{{#CURRENT}} data-current="1" aria-current="true"{{/CURRENT}}>
      <span class="unit-code">{{CODE}}</span>
      <span class="hint">{{BUILDING}} · {{RELATION}}</span>
{{#CURRENT}}      <span class="tag current-tag">当前房屋</span>
{{/CURRENT}}{{#SWITCH}}      <form method="post" action="/portal/profile" class="inline" data-form="switch">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <input type="hidden" name="action" value="switch">
        <input type="hidden" name="unit" value="{{ID}}">
        <button type="submit">切换到此房屋</button>
      </form>
{{/SWITCH}}    </li>
{{/UNIT}}  </ul>
  <p class="hint">首页和“我的工单”显示当前房屋的信息；报修时也默认是当前房屋。</p>
</section>
{{#HOUSEHOLD}}<section class="card profile-household" data-section="household" data-unit="{{HOUSEHOLD_UNIT}}">
  <h2>{{HOUSEHOLD_UNIT}} 的家庭成员</h2>
{{#OWNER_HINT}}  <p class="hint">您是业主，可以修改家庭成员的联系电话和紧急联系人。</p>
{{/OWNER_HINT}}  <table class="list members">
    <thead><tr><th>姓名</th><th>身份</th><th>联系电话</th><th>紧急联系人</th></tr></thead>
    <tbody>
{{#MEMBER}}      <tr data-person-id="{{PERSON_ID}}">
        <td>{{NAME}}{{#SELF}}（本人）{{/SELF}}</td>
        <td>{{RELATION}}</td>
        <td class="member-phone">{{PHONE_SHOWN}}</td>
        <td class="member-emergency">{{EMERGENCY_SHOWN}}
{{#EDIT}}          <details class="profile-edit"{{#OPEN}} open{{/OPEN}}>
            <summary>修改</summary>
            <form method="post" action="/portal/profile" class="stack" data-form="contact" data-person-id="{{PERSON_ID}}">
              <input type="hidden" name="csrf" value="{{CSRF}}">
              <input type="hidden" name="action" value="contact">
              <input type="hidden" name="person" value="{{PERSON_ID}}">
              <label for="phone-{{PERSON_ID}}">联系电话</label>
              <input id="phone-{{PERSON_ID}}" name="phone" type="tel" value="{{PHONE}}" maxlength="20" inputmode="tel">
{{#PHONE_ERROR}}              <p class="field-error" data-field="phone">{{MESSAGE}}</p>
{{/PHONE_ERROR}}              <label for="emergency-{{PERSON_ID}}">紧急联系人</label>
              <input id="emergency-{{PERSON_ID}}" name="emergency_contact" type="text" value="{{EMERGENCY_CONTACT}}" maxlength="100">
{{#EMERGENCY_CONTACT_ERROR}}              <p class="field-error" data-field="emergency_contact">{{MESSAGE}}</p>
{{/EMERGENCY_CONTACT_ERROR}}              <button type="submit" class="primary">保存</button>
            </form>
          </details>
{{/EDIT}}        </td>
      </tr>
{{/MEMBER}}    </tbody>
  </table>
</section>
{{/HOUSEHOLD}}{{#PASSWORD_FORM}}<section class="card profile-password" data-section="password">
  <h2>修改密码</h2>
  <p class="hint">修改后，您在其他手机或电脑上的登录将全部退出，本机保持登录。</p>
  <form method="post" action="/portal/profile" class="stack" data-form="password">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="action" value="password">
    <label for="current">当前密码</label>
    <input id="current" name="current" type="password" maxlength="200" autocomplete="current-password" required>
{{#CURRENT_ERROR}}    <p class="field-error" data-field="current">{{MESSAGE}}</p>
{{/CURRENT_ERROR}}    <label for="password">新密码</label>
    <input id="password" name="password" type="password" minlength="8" maxlength="200" autocomplete="new-password" required>
    <small class="hint">至少 8 个字符。</small>
{{#PASSWORD_ERROR}}    <p class="field-error" data-field="password">{{MESSAGE}}</p>
{{/PASSWORD_ERROR}}    <label for="password2">再次输入新密码</label>
    <input id="password2" name="password2" type="password" minlength="8" maxlength="200" autocomplete="new-password" required>
{{#PASSWORD2_ERROR}}    <p class="field-error" data-field="password2">{{MESSAGE}}</p>
{{/PASSWORD2_ERROR}}    <button type="submit" class="primary">修改密码</button>
  </form>
</section>
{{/PASSWORD_FORM}}
