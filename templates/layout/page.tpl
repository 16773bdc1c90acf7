{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · 物业服务中心</title>
<link rel="stylesheet" href="/static/css/wuye.css">
</head>
<body class="area-{{AREA}}">
<header class="top">
  <div class="brand"><span class="brand-mark">物业</span> {{AREA_NAME}}</div>
{{#SIGNED_IN}}
  <div class="who">
    <span class="community" data-community>{{COMMUNITY_NAME}}</span>
    <span class="person" data-user-name>{{USER_NAME}}</span> <span class="role">{{ROLE_NAME}}</span>
    <form class="logout" method="post" action="{{LOGOUT}}">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <button type="submit">退出</button>
    </form>
  </div>
  <nav class="nav" aria-label="主导航">
{{#NAV}}    <a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a>
{{/NAV}}  </nav>
{{#SUBNAV}}  <nav class="subnav" aria-label="{{LABEL}}">
{{#ITEM}}    <a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a>
{{/ITEM}}  </nav>
{{/SUBNAV}}{{/SIGNED_IN}}
</header>
<main class="main">
{{>BODY}}
</main>
<footer class="foot">物业服务中心 · 有事请找前台，首问负责</footer>
</body>
</html>
