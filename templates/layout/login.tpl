{{%AUTOESCAPE context="HTML"}}<section class="card login">
  <h1>{{HEADING}}</h1>
{{#NOTICE}}  <p class="notice" role="status">{{TEXT}}</p>
{{/NOTICE}}  <form method="post" action="{{ACTION}}" novalidate>
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <label for="login">{{LOGIN_LABEL}}</label>
    <input id="login" name="login" type="text" value="{{LOGIN}}" maxlength="100" autocomplete="username" autofocus required>
    <small class="hint">{{LOGIN_HINT}}</small>
{{#LOGIN_ERROR}}    <p class="field-error" data-field="login">{{MESSAGE}}</p>
{{/LOGIN_ERROR}}    <label for="password">密码</label>
    <input id="password" name="password" type="password" maxlength="200" autocomplete="current-password" required>
{{#PASSWORD_ERROR}}    <p class="field-error" data-field="password">{{MESSAGE}}</p>
{{/PASSWORD_ERROR}}    <button type="submit" class="primary">登录</button>
  </form>
{{#ACTIVATE_LINK}}  <p class="hint" data-activate-link><a href="/portal/activate">首次登录？使用激活码</a></p>
{{/ACTIVATE_LINK}}</section>
