{{%AUTOESCAPE context="HTML"}}<section class="card login" data-page="portal-activate">
  <h1>业主服务 · 激活账户</h1>
  <p class="hint">请输入物业服务中心或业主给您的激活码（10 位，如 ABCDE-FGHJK），设置登录手机号和密码。激活码只能使用一次，有效期 14 天。</p>
  <form method="post" action="/portal/activate" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="code">激活码</label>
    <input id="code" name="code" type="text" value="{{CODE}}" maxlength="20" autocomplete="off" autocapitalize="characters" spellcheck="false" autofocus required>
{{#CODE_ERROR}}    <p class="field-error" data-field="code">{{MESSAGE}}</p>
{{/CODE_ERROR}}    <label for="phone">手机号（今后用它登录）</label>
    <input id="phone" name="phone" type="tel" value="{{PHONE}}" maxlength="20" autocomplete="username" required>
{{#PHONE_ERROR}}    <p class="field-error" data-field="phone">{{MESSAGE}}</p>
{{/PHONE_ERROR}}    <label for="password">新密码（至少 8 位）</label>
    <input id="password" name="password" type="password" minlength="8" maxlength="200" autocomplete="new-password" required>
{{#PASSWORD_ERROR}}    <p class="field-error" data-field="password">{{MESSAGE}}</p>
{{/PASSWORD_ERROR}}    <label for="password2">再次输入新密码</label>
    <input id="password2" name="password2" type="password" minlength="8" maxlength="200" autocomplete="new-password" required>
{{#PASSWORD2_ERROR}}    <p class="field-error" data-field="password2">{{MESSAGE}}</p>
{{/PASSWORD2_ERROR}}    <button type="submit" class="primary">激活并登录</button>
  </form>
  <p class="hint"><a href="/portal/login">已有账户？返回登录</a></p>
</section>
