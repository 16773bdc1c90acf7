{{%AUTOESCAPE context="HTML"}}<section class="card welcome" data-page="office-home" data-roles="{{ROLE_CODE}}">
  <h1>{{NAME}}，您好</h1>
  <p class="today">今天是 {{TODAY}} · {{COMMUNITY_NAME}}</p>
</section>
<section class="card">
  <h2>我的账户</h2>
  <dl class="facts">
    <dt>姓名</dt><dd>{{NAME}}</dd>
    <dt>用户名</dt><dd>{{LOGIN}}</dd>
    <dt>部门</dt><dd>{{DEPARTMENT}}</dd>
    <dt>岗位</dt><dd class="roles">{{#ROLE}}<span class="tag">{{NAME}}</span>{{/ROLE}}</dd>
    <dt>电话</dt><dd>{{PHONE}}</dd>
    <dt>服务小区</dt><dd>{{COMMUNITY_NAME}}</dd>
  </dl>
</section>
<section class="card">
  <h2>最近登录记录</h2>
  <p class="hint">如发现不是您本人的登录，请立即修改密码并告知管理处。</p>
  <table class="list">
    <thead><tr><th>时间</th><th>地址</th><th>结果</th></tr></thead>
    <tbody>
{{#LOGIN_ROW}}      <tr><td>{{AT}}</td><td>{{ADDRESS}}</td><td class="{{RESULT_CLASS}}">{{RESULT}}</td></tr>
{{/LOGIN_ROW}}    </tbody>
  </table>
</section>
