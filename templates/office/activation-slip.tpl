{{%AUTOESCAPE context="HTML"}}<article class="slip activation-slip" data-page="office-activation-slip" data-activation-slip>
  <p class="slip-tools no-print">激活码只显示这一次，请现在打印（Ctrl+P）交给住户。 · <a href="/office/units">返回房屋档案</a></p>
  <header class="slip-head">
    <p class="slip-org">{{COMMUNITY_NAME}} · 物业服务中心</p>
    <h1>业主服务激活码</h1>
  </header>
  <p class="activation-code" data-code>{{CODE}}</p>
  <table class="slip-table">
    <tbody>
      <tr><th>住户</th><td data-person>{{PERSON_NAME}}</td></tr>
      <tr><th>房号</th><td data-unit>{{UNIT_CODE}}（{{RELATION_NAME}}）</td></tr>
      <tr><th>有效期至</th><td data-expires>{{EXPIRES}}</td></tr>
    </tbody>
  </table>
  <h2 class="slip-sub">激活步骤</h2>
  <ol class="activation-steps">
    <li>用手机或电脑打开业主服务，点登录页下方的“首次登录？使用激活码”（网址 /portal/activate）。</li>
    <li>输入上面的激活码（字母不分大小写，短横线可省略）和今后用来登录的手机号。</li>
    <li>设置密码（至少 8 位），两次输入一致后点“激活并登录”。</li>
  </ol>
  <p class="slip-foot">激活码只能使用一次，14 天内有效；重新生成后旧激活码作废。请妥善保管，不要交给他人。打印：{{PRINTED_BY}} {{PRINTED_AT}}</p>
</article>
