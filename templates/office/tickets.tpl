{{%AUTOESCAPE context="HTML"}}<section class="card queue" data-page="office-tickets" data-total="{{TOTAL}}">
  <div class="queue-head">
    <h1>工单</h1>
    <div class="queue-actions">
{{#MAY_CREATE}}      <a class="button small" href="/office/new-ticket">登记工单</a>
{{/MAY_CREATE}}      <a class="button small ghost" href="/office/tickets?status={{STATUS:u}}&amp;kind={{KIND:u}}&amp;category={{CATEGORY:u}}&amp;dept={{DEPT:u}}&amp;assignee={{ASSIGNEE:u}}&amp;overdue={{OVERDUE:u}}&amp;due_soon={{DUE_SOON:u}}&amp;q={{Q:u}}&amp;sort={{SORT:u}}&amp;format=csv" data-export="csv">导出 Excel（CSV）</a>
    </div>
  </div>
{{#TECHNICIAN}}  <p class="notice">只显示派给您本人的工单。</p>
{{/TECHNICIAN}}  <form class="filters" method="get" action="/office/tickets">
    <label>搜索 <input type="search" name="q" value="{{Q}}" maxlength="50" placeholder="单号/房号/电话/内容"></label>
    <label>状态
      <select name="status">
        <option value="">全部</option>
{{#STATUS_OPTION}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/STATUS_OPTION}}      </select>
    </label>
    <label>类型
      <select name="kind">
        <option value="">全部</option>
{{#KIND_OPTION}}        <option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/KIND_OPTION}}      </select>
    </label>
    <label>类别
      <select name="category">
        <option value="">全部</option>
{{#CATEGORY_OPTION}}        <option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/CATEGORY_OPTION}}      </select>
    </label>
    <label>部门
      <select name="dept">
        <option value="">全部</option>
{{#DEPT_OPTION}}        <option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/DEPT_OPTION}}      </select>
    </label>
{{#ASSIGNEE_FILTER}}    <label>处理人
      <select name="assignee">
        <option value="">全部</option>
{{#ASSIGNEE_OPTION}}        <option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/ASSIGNEE_OPTION}}      </select>
    </label>
{{/ASSIGNEE_FILTER}}    <label>排序
      <select name="sort">
        <option value="new"{{#SORT_NEW}} selected{{/SORT_NEW}}>最新登记</option>
        <option value="due"{{#SORT_DUE}} selected{{/SORT_DUE}}>时限最近</option>
      </select>
    </label>
    <label class="check"><input type="checkbox" name="overdue" value="1"{{#OVERDUE_ON}} checked{{/OVERDUE_ON}}> 已超时</label>
    <label class="check"><input type="checkbox" name="due_soon" value="1"{{#DUE_SOON_ON}} checked{{/DUE_SOON_ON}}> 2 小时内到期</label>
    <div class="filter-buttons">
      <button type="submit" class="primary">筛选</button>
      <a href="/office/tickets">清除</a>
    </div>
  </form>
  <p class="count">共 <strong data-count>{{TOTAL}}</strong> 条 · 第 {{PAGE}} / {{PAGES}} 页</p>
{{#SHORT_SEARCH}}  <p class="hint" data-short-search>单字搜索只查本小区最近 {{WINDOW}} 张工单；多输入一个字即可查全部。</p>
{{/SHORT_SEARCH}}{{#EMPTY}}  <p class="empty">没有符合条件的工单。</p>
{{/EMPTY}}  <table class="list tickets">
    <thead><tr><th>工单</th><th>房号 / 位置</th><th>内容</th><th>状态</th><th>部门 / 处理人</th><th>时限</th></tr></thead>
    <tbody>
{{#ROW}}      <tr class="ticket-row{{#OVERDUE}} overdue{{/OVERDUE}}" data-ticket-id="{{ID}}" data-status="{{STATUS}}" data-kind="{{KIND}}">
        <td class="code"><a href="/office/ticket?id={{ID:u}}">{{CODE}}</a><small>{{KIND_NAME}} · {{CATEGORY_NAME}} · {{CREATED}}</small></td>
        <td class="where">{{WHERE}}{{#PLACE}}<small>{{TEXT}}</small>{{/PLACE}}</td>
        <td class="desc">{{DESCRIPTION}}</td>
        <td class="state"><span class="status-badge status-{{STATUS}}">{{STATUS_NAME}}</span>{{#SEVERE}} <span class="severity severity-{{SEVERITY}}">{{SEVERITY_NAME}}</span>{{/SEVERE}}{{#ESCALATED}} <span class="badge escalated" data-escalation="{{LEVEL}}">{{NAME}}</span>{{/ESCALATED}}{{#BREACHED}} <span class="badge breached">曾超时</span>{{/BREACHED}}</td>
        <td class="handler">{{DEPARTMENT}}{{#ASSIGNEE}}<small>{{NAME}}</small>{{/ASSIGNEE}}</td>
        <td class="due">{{#DUE}}<span class="due-at">{{AT}}</span><small class="due-words{{#LATE}} late{{/LATE}}{{#SOON}} soon{{/SOON}}">{{WORDS}}</small>{{/DUE}}</td>
      </tr>
{{/ROW}}    </tbody>
  </table>
  <nav class="pager" aria-label="翻页">
{{#PREV}}    <a rel="prev" href="/office/tickets?status={{STATUS:u}}&amp;kind={{KIND:u}}&amp;category={{CATEGORY:u}}&amp;dept={{DEPT:u}}&amp;assignee={{ASSIGNEE:u}}&amp;overdue={{OVERDUE:u}}&amp;due_soon={{DUE_SOON:u}}&amp;q={{Q:u}}&amp;sort={{SORT:u}}&amp;page={{NUMBER:u}}">上一页</a>
{{/PREV}}    <span>第 {{PAGE}} / {{PAGES}} 页</span>
{{#NEXT}}    <a rel="next" href="/office/tickets?status={{STATUS:u}}&amp;kind={{KIND:u}}&amp;category={{CATEGORY:u}}&amp;dept={{DEPT:u}}&amp;assignee={{ASSIGNEE:u}}&amp;overdue={{OVERDUE:u}}&amp;due_soon={{DUE_SOON:u}}&amp;q={{Q:u}}&amp;sort={{SORT:u}}&amp;page={{NUMBER:u}}">下一页</a>
{{/NEXT}}  </nav>
</section>
