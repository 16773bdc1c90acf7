{{%AUTOESCAPE context="HTML"}}<article class="archive-person" data-page="office-person" data-person-id="{{ID}}">
  <section class="card">
    <p class="crumbs"><a href="/office/units">房屋档案</a> › {{PERSON_NAME}}</p>
    <h1>{{PERSON_NAME}}</h1>
    <dl class="facts">
      <dt>证件号码</dt><dd><span data-id-number data-masked="{{ID_MASKED}}">{{ID_SHOWN}}</span>{{#MAY_REVEAL}} <a class="button small ghost" href="/office/person?id={{ID:u}}&amp;reveal=1" data-reveal>显示完整号码（将记录）</a>{{/MAY_REVEAL}}</dd>
      <dt>电话</dt><dd data-phone>{{SHOW_PHONE}}</dd>
      <dt>电子邮箱</dt><dd>{{SHOW_EMAIL}}</dd>
      <dt>生日</dt><dd>{{SHOW_BIRTHDAY}}</dd>
      <dt>工作单位</dt><dd>{{SHOW_EMPLOYER}}</dd>
      <dt>紧急联系人</dt><dd>{{SHOW_EMERGENCY}}</dd>
      <dt>备注</dt><dd>{{SHOW_NOTES}}</dd>
    </dl>
  </section>
  <section class="card">
    <h2>房屋</h2>
    <table class="list">
      <thead><tr><th>房号</th><th>身份</th><th>期间</th></tr></thead>
      <tbody>
{{#UNIT}}        <tr data-occupancy-id="{{UNIT_OCCUPANCY}}"{{#CURRENT}} data-current="1"{{/CURRENT}}><td>{{CODE}}</td><td>{{RELATION_NAME}}</td><td>{{PERIOD}}</td></tr>
{{/UNIT}}      </tbody>
    </table>
  </section>
{{#ACCOUNT}}  <section class="card" data-account-state="{{ACCOUNT_STATE}}">
    <h2>业主账户</h2>
    <dl class="facts">
      <dt>状态</dt><dd data-account-status>{{ACCOUNT_STATE_NAME}}</dd>
{{#HAS_ACCOUNT}}      <dt>登录名</dt><dd>{{LOGIN}}</dd>
      <dt>最近登录</dt><dd>{{LAST_LOGIN}}</dd>
{{/HAS_ACCOUNT}}{{#PENDING}}      <dt>激活码</dt><dd data-pending-code>有未使用的激活码，{{UNTIL}} 前有效</dd>
{{/PENDING}}    </dl>
{{#ACCOUNT_ACTIONS}}    <div class="account-actions">
      <form method="post" action="/office/person?id={{ID:u}}" data-action="account_code">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <button type="submit" name="action" value="account_code" class="primary">生成激活码</button>
      </form>
{{#MAY_DISABLE}}      <form method="post" action="/office/person?id={{ID:u}}" data-action="account_disable">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <button type="submit" name="action" value="account_disable" class="secondary danger">停用账户</button>
      </form>
{{/MAY_DISABLE}}{{#MAY_ENABLE}}      <form method="post" action="/office/person?id={{ID:u}}" data-action="account_enable">
        <input type="hidden" name="csrf" value="{{CSRF}}">
        <button type="submit" name="action" value="account_enable" class="secondary">启用账户</button>
      </form>
{{/MAY_ENABLE}}    </div>
    <p class="hint">生成新的激活码会使这位住户此前未使用的激活码失效；停用账户会立即结束其所有登录。</p>
{{/ACCOUNT_ACTIONS}}  </section>
{{/ACCOUNT}}{{#EDIT}}  <section class="card">
    <details class="action"{{#OPEN}} open{{/OPEN}}>
      <summary>修改资料</summary>
      <form class="stacked" method="post" action="/office/person?id={{ID:u}}" data-action="edit">
        <input type="hidden" name="csrf" value="{{CSRF}}">
{{#IDENTITY}}        <label>姓名 <input name="name" value="{{NAME}}" maxlength="50" required></label>
{{#NAME_ERROR}}        <p class="field-error" data-field="name">{{MESSAGE}}</p>
{{/NAME_ERROR}}        <label>证件号码（留空则不变） <input name="id_number" value="" maxlength="30" autocomplete="off"></label>
{{#ID_NUMBER_ERROR}}        <p class="field-error" data-field="id_number">{{MESSAGE}}</p>
{{/ID_NUMBER_ERROR}}{{/IDENTITY}}        <label>电话 <input name="phone" type="tel" value="{{PHONE}}" maxlength="20"></label>
{{#PHONE_ERROR}}        <p class="field-error" data-field="phone">{{MESSAGE}}</p>
{{/PHONE_ERROR}}        <label>电子邮箱 <input name="email" type="email" value="{{EMAIL}}" maxlength="100"></label>
{{#EMAIL_ERROR}}        <p class="field-error" data-field="email">{{MESSAGE}}</p>
{{/EMAIL_ERROR}}        <label>生日 <input name="birthday" type="date" value="{{BIRTHDAY}}"></label>
{{#BIRTHDAY_ERROR}}        <p class="field-error" data-field="birthday">{{MESSAGE}}</p>
{{/BIRTHDAY_ERROR}}        <label>工作单位 <input name="employer" value="{{EMPLOYER}}" maxlength="100"></label>
{{#EMPLOYER_ERROR}}        <p class="field-error" data-field="employer">{{MESSAGE}}</p>
{{/EMPLOYER_ERROR}}        <label>紧急联系人 <input name="emergency_contact" value="{{EMERGENCY_CONTACT}}" maxlength="100"></label>
{{#EMERGENCY_CONTACT_ERROR}}        <p class="field-error" data-field="emergency_contact">{{MESSAGE}}</p>
{{/EMERGENCY_CONTACT_ERROR}}        <label>备注 <textarea name="notes" rows="3" maxlength="500">{{NOTES:pre_escape}}</textarea></label>
{{#NOTES_ERROR}}        <p class="field-error" data-field="notes">{{MESSAGE}}</p>
{{/NOTES_ERROR}}        <button type="submit" class="primary">保存</button>
      </form>
    </details>
  </section>
{{/EDIT}}</article>
