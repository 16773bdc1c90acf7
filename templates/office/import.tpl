{{%AUTOESCAPE context="HTML"}}<section class="card" data-page="office-import">
  <h1>导入导出</h1>
{{#RESULT}}  <div class="notice" role="status" data-import-result="{{ID}}">
    <p><strong>导入完成</strong>：{{DETAIL}}</p>
    <p class="hint">{{AT}}</p>
  </div>
{{/RESULT}}  <h2>从 CSV 导入楼栋、房屋和人员</h2>
  <p class="hint">先“检查”：系统逐行核对，列出每一行的问题，不写入任何数据；没有问题时再导入，全部行在一次事务中写入，任何一行出错则一行都不写入。</p>
  <p class="hint">文件为 UTF-8 编码的 CSV（Excel 中“另存为 CSV UTF-8”），第一行是表头：<code>{{COLUMNS}}</code>。
    同一房屋登记多人时，第二行起只写楼栋、房号和人员，楼层、面积、类型、状态留空。已有的房屋不会被修改。</p>
  <form class="stacked" method="post" action="/office/import" enctype="multipart/form-data" novalidate data-form="check">
    <input type="hidden" name="csrf" value="{{CSRF}}">
    <input type="hidden" name="mode" value="dry_run">
    <label for="import-file">CSV 文件</label>
    <input id="import-file" type="file" name="file" accept=".csv,text/csv" required>
{{#FILE_ERROR}}    <p class="field-error" data-field="file">{{MESSAGE}}</p>
{{/FILE_ERROR}}{{#MODE_ERROR}}    <p class="field-error" data-field="mode">{{MESSAGE}}</p>
{{/MODE_ERROR}}    <label class="check"><input type="checkbox" name="create_buildings" value="1"{{#CREATE_BUILDINGS_CHECKED}} checked{{/CREATE_BUILDINGS_CHECKED}}> 允许新建楼栋（文件中的楼栋编号在本小区还没有时新建）</label>
    <button type="submit" class="primary">检查</button>
  </form>
{{#REPORT}}  <section class="import-report" data-rows="{{ROWS}}" aria-label="检查结果">
    <h2>检查结果：{{FILE_NAME}}</h2>
    <p class="hint">共 <span data-count="rows">{{ROWS}}</span> 行数据，检查用时 {{CHECK_SECONDS}} 秒。</p>
{{#PROBLEMS}}    <p class="field-error form-notice" role="alert" data-problems="{{TOTAL}}">发现 {{TOTAL}} 个问题，没有写入任何数据。请改正后重新检查。</p>
    <div class="table-scroll">
    <table class="list import-problems">
      <thead><tr><th>行</th><th>列</th><th>问题</th></tr></thead>
      <tbody>
{{#PROBLEM}}        <tr data-row="{{ROW}}" data-column="{{COLUMN}}"><td>{{ROW_TEXT}}</td><td>{{COLUMN}}</td><td>{{MESSAGE}}</td></tr>
{{/PROBLEM}}      </tbody>
    </table>
    </div>
{{#MORE}}    <p class="hint">另有 {{HIDDEN}} 个问题未列出：请先改正以上问题。</p>
{{/MORE}}{{/PROBLEMS}}{{#CLEAN}}    <p class="notice" data-summary="clean" data-new-buildings="{{NEW_BUILDINGS}}" data-new-units="{{NEW_UNITS}}" data-new-people="{{NEW_PEOPLE}}" data-new-occupancies="{{NEW_OCCUPANCIES}}">没有发现问题。将新建 {{NEW_BUILDINGS}} 栋楼、{{NEW_UNITS}} 户、{{NEW_PEOPLE}} 人（{{NEW_OCCUPANCIES}} 条入住登记；为已有房屋登记人员 {{EXISTING_UNITS}} 行）。</p>
    <form class="stacked" method="post" action="/office/import" enctype="multipart/form-data" novalidate data-form="import">
      <input type="hidden" name="csrf" value="{{CSRF}}">
      <input type="hidden" name="mode" value="import">
      <input type="hidden" name="checked" value="{{CHECKED}}">
{{#CREATE_BUILDINGS}}      <input type="hidden" name="create_buildings" value="1">
{{/CREATE_BUILDINGS}}      <label for="import-file-again">再次选择同一个文件以导入</label>
      <input id="import-file-again" type="file" name="file" accept=".csv,text/csv" required>
      <button type="submit" class="primary">导入</button>
    </form>
{{/CLEAN}}  </section>
{{/REPORT}}</section>
{{#CAN_EXPORT}}<section class="card" data-part="export">
  <h2>导出</h2>
  <p class="hint">本小区全部房屋及其现有人员，列与导入相同（每人一行，业主在前）。导出会记入审计日志。</p>
  <p><a class="button small ghost" href="/office/import?export=units" data-export="units">导出房屋和人员（CSV）</a></p>
</section>
{{/CAN_EXPORT}}