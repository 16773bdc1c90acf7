{{%AUTOESCAPE context="HTML"}}<article data-page="portal-invite">
{{#FORM}}  <section class="card">
    <h1>邀请家人或租户</h1>
    <p class="hint">被邀请人将加入您的房屋，并得到一个激活码，用它在“业主服务”设置自己的密码。激活码只显示一次，有效期 14 天。</p>
    <form class="stacked" method="post" action="/portal/invite" novalidate>
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <label>姓名 <input name="name" value="{{NAME}}" maxlength="50" required></label>
{{#NAME_ERROR}}      <p class="field-error" data-field="name">{{MESSAGE}}</p>
{{/NAME_ERROR}}      <label>手机号 <input name="phone" type="tel" value="{{PHONE}}" maxlength="20" required></label>
{{#PHONE_ERROR}}      <p class="field-error" data-field="phone">{{MESSAGE}}</p>
{{/PHONE_ERROR}}      <label>关系 <select name="relation">
        <option value="family"{{#REL_family}} selected{{/REL_family}}>家庭成员</option>
        <option value="tenant"{{#REL_tenant}} selected{{/REL_tenant}}>租户</option>
        <option value="other"{{#REL_other}} selected{{/REL_other}}>其他住户</option>
      </select></label>
{{#RELATION_ERROR}}      <p class="field-error" data-field="relation">{{MESSAGE}}</p>
{{/RELATION_ERROR}}      <button type="submit" class="primary">生成激活码</button>
    </form>
  </section>
{{/FORM}}{{#CODE}}  <section class="slip activation-slip" data-activation-slip>
    <p class="slip-tools no-print"><a href="/portal/home">‹ 返回首页</a> · 激活码只显示这一次，请打印（Ctrl+P）或抄下交给被邀请人。</p>
    <header class="slip-head">
      <p class="slip-org">{{COMMUNITY_NAME}} · 业主服务</p>
      <h1>激活码</h1>
    </header>
    <p class="activation-code" data-code>{{CODE}}</p>
    <table class="slip-table">
      <tbody>
        <tr><th>被邀请人</th><td>{{PERSON_NAME}}</td></tr>
        <tr><th>房号</th><td>{{UNIT_CODE}}（{{RELATION_NAME}}）</td></tr>
        <tr><th>有效期至</th><td data-expires>{{EXPIRES}}</td></tr>
      </tbody>
    </table>
    <ol class="activation-steps">
      <li>打开业主服务登录页，点“首次登录？使用激活码”，或直接访问 /portal/activate。</li>
      <li>输入上面的激活码、今后用来登录的手机号，并设置密码（至少 8 位）。</li>
      <li>激活后即可登录；激活码只能使用一次。</li>
    </ol>
  </section>
{{/CODE}}</article>
