{{%AUTOESCAPE context="HTML"}}<section class="card reno-cases" data-page="office-renovations">
  <div class="heading-row">
    <h1>装修管理</h1>
{{#MAY_APPLY}}    <a class="button small" href="/office/renovation-new" data-action="new">新建申请</a>
{{/MAY_APPLY}}  </div>
  <form class="filters" method="get" action="/office/renovations" role="search">
    <label>状态
      <select name="state">
        <option value="">全部</option>
{{#FILTER_OPTION}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/FILTER_OPTION}}      </select>
    </label>
    <label>房号 <input name="unit" value="{{UNIT}}" maxlength="20" placeholder="如 1-1-101"></label>
    <button type="submit" class="secondary">筛选</button>
  </form>
{{#EMPTY}}  <p class="empty">没有符合条件的装修申请。</p>
{{/EMPTY}}  <div class="table-scroll">
  <table class="list reno-table">
    <thead><tr><th>房号</th><th>状态</th><th>申请人</th><th>装修公司</th><th>计划工期</th><th>许可证号</th><th>申请时间</th></tr></thead>
    <tbody>
{{#CASE}}      <tr data-renovation-id="{{ID}}" data-state="{{STATE}}">
        <td><a href="/office/renovation?id={{ID:u}}">{{UNIT_CODE}}</a></td>
        <td><span class="reno-state state-{{STATE}}">{{STATE_NAME}}</span></td>
        <td>{{APPLICANT}} <small class="hint">{{SOURCE_NAME}}</small></td>
        <td>{{COMPANY}}</td>
        <td>{{PLANNED}}</td>
        <td>{{PERMIT_NO}}</td>
        <td>{{CREATED_AT}}</td>
      </tr>
{{/CASE}}    </tbody>
  </table>
  </div>
{{#PAGER}}  <nav class="pager" aria-label="翻页">
{{#PREV}}    <a rel="prev" href="/office/renovations?state={{FILTER:u}}&amp;unit={{UNIT:u}}&amp;page={{NUMBER:u}}">上一页</a>
{{/PREV}}    <span>第 {{PAGE}} / {{PAGES}} 页 · 共 {{TOTAL}} 件</span>
{{#NEXT}}    <a rel="next" href="/office/renovations?state={{FILTER:u}}&amp;unit={{UNIT:u}}&amp;page={{NUMBER:u}}">下一页</a>
{{/NEXT}}  </nav>
{{/PAGER}}</section>
