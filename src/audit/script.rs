//! What one script does with SaleSmartly's SDK, read from its syntax tree (oxc's parser): the
//! `ssq.push` calls and what they push, where `ssq` is defined, how `__ssc.setting` is written,
//! and which loader URLs it holds. Positions are byte offsets into the page.

use crate::input::source::Span;
use oxc_allocator::Allocator;
use oxc_ast::ast::*;
use oxc_ast_visit::{Visit, walk};
use oxc_parser::Parser;
use oxc_span::{GetSpan, SourceType};

/// A value pushed, as far as its syntax says what it is.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// A string literal (its span: a template tag may be inside it).
    Str(String, Span),
    Bool(bool),
    Number(f64),
    List(Vec<Arg>),
    Object(Vec<(String, Arg)>),
    /// A function whose every statement ssq-gen has a word for: each report of the payload
    /// (`console.log(…)`, `dataLayer.push(…)`, `gtag("event", …)`), and at most one write of the
    /// unread count into an element (`document.querySelector(s).textContent = obj.num`, or
    /// `getElementById`, `innerText`): the badge.
    Listener {
        actions: Vec<crate::sdk::Action>,
        badge: Option<String>,
    },
    /// Anything else: a name, a call, a function that does more; known only at run time.
    Other(Span),
}

/// One `ssq.push([...])`.
#[derive(Debug, Default)]
pub struct Push {
    pub span: Span,
    /// The first element, when it is a string literal, and where it is written.
    pub command: Option<(String, Span)>,
    /// `setLoginInfo`'s object's keys.
    pub login_keys: Vec<(String, Span)>,
    /// Inside a function: it runs later (a click, a callback), not as the script runs.
    pub deferred: bool,
    /// Inside `if (…ssq…)`, `…ssq… && …`, `try`, or an optional call: it cannot throw for want of a
    /// queue.
    pub guarded: bool,
    /// Inside a `setTimeout` callback.
    pub timed: bool,
    /// Inside an `onload` handler or a `load` listener: the loader has run.
    pub after_load: bool,
    /// The array's elements after the command.
    pub args: Vec<Arg>,
    /// Inside a click listener on one element: `getElementById("x")` gives `#x`,
    /// `querySelector(s)` gives `s`.
    pub clicked: Option<String>,
    /// `ssq.push(["command", …])`: the command in an array, which the SDK does not run.
    pub array_form: bool,
}

/// A write to `__ssc.setting`.
#[derive(Debug)]
pub struct SettingWrite {
    pub span: Span,
    /// `__ssc.setting = {…}`: the object replaced.
    pub replaced: bool,
    /// Inside an `onload` handler or a `load` listener: after the loader ran.
    pub late: bool,
}

/// What a script does, in source order.
#[derive(Debug, Default)]
pub struct Facts {
    pub pushes: Vec<Push>,
    /// Where `ssq` is defined (`window.ssq = …`, `var ssq = …`).
    pub stubs: Vec<Span>,
    pub settings: Vec<SettingWrite>,
    /// String literals that are SaleSmartly loader URLs: the project script, or install.js.
    pub loader_urls: Vec<(String, Span)>,
    /// The script does not parse as JavaScript; what the parser said first.
    pub unparsed: Option<(String, Span)>,
    /// `__ssc.license = "…"`: the install code's license.
    pub license: Option<(String, Span)>,
    /// `__ssc.setting.KEY = value`, and each key of `__ssc.setting = {…}`.
    pub setting_values: Vec<(String, Arg)>,
    /// `….__ssqGen = "VERSION"`: ssq-gen's block, guarding against running twice.
    pub generated: bool,
}

impl Facts {
    /// The vendor's install code (or ssq-gen's block): it inserts install.js itself.
    pub fn is_install_code(&self) -> bool {
        self.loader_urls.iter().any(|(url, _)| url.contains("/code/install.js"))
    }
}

/// A SaleSmartly loader: the project script or the widget's install.js, on a SaleSmartly host.
pub fn is_loader_url(url: &str) -> bool {
    let url = url.trim().to_ascii_lowercase();
    let host = url.trim_start_matches("https:").trim_start_matches("http:").trim_start_matches("//");
    let host = host.split('/').next().unwrap_or_default();
    (host == "salesmartly.com" || host.ends_with(".salesmartly.com"))
        && (url.contains("/js/project_") || url.contains("/code/install.js"))
}

/// How deep brackets may nest in a script that is read: the parser and the walk recurse, on a
/// thread's stack. No hand-written install comes near it; past it the script is left unread.
const MAX_NESTING: usize = 200;

/// The deepest nesting of `(`, `[` and `{` in `code`, strings and comments not told apart (they
/// can only make it deeper).
fn nesting(code: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for byte in code.bytes() {
        match byte {
            b'(' | b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// The largest script that is read: hand-written installs are a few lines; a bundle is not one.
const MAX_SCRIPT_BYTES: usize = 256 << 10;

/// The stack the parser and the walk run on. Syntax that nests without brackets (`!!!!…1`,
/// `a+a+…`) recurses once per operator; reserved, not used, unless a script needs it.
const STACK_BYTES: usize = 1 << 30;

/// How a piece of JavaScript is written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Syntax {
    /// A `.jsx`/`.tsx` file.
    pub jsx: bool,
    /// TypeScript: a `.ts` file, a `<script lang="ts">`.
    pub ts: bool,
    /// An event handler attribute's value: a function's body, where `return` is allowed.
    pub handler: bool,
}

/// Reads `code` (masked of template tags), which starts at `offset` in the page. A script too deep
/// or too large to read says so in [`Facts::unparsed`], and nothing else.
pub fn read(code: &str, offset: usize, syntax: Syntax) -> Facts {
    let skipped = |why: String| Facts { unparsed: Some((why, offset..offset)), ..Facts::default() };
    if code.len() > MAX_SCRIPT_BYTES {
        return skipped(format!("larger than {} KiB: left unread", MAX_SCRIPT_BYTES >> 10));
    }
    if nesting(code) > MAX_NESTING {
        return skipped(format!("brackets nest deeper than {MAX_NESTING}: left unread"));
    }
    on_parser_stack(|| parse(code, offset, syntax)).unwrap_or_else(|| skipped("the parser could not read it".into()))
}

/// Runs `read` (a parse and a walk of its tree) on a thread with [`STACK_BYTES`] of stack; `None`
/// if it could not run or panicked.
pub(super) fn on_parser_stack<T: Send>(read: impl FnOnce() -> T + Send) -> Option<T> {
    std::thread::scope(|scope| {
        let reading = std::thread::Builder::new().stack_size(STACK_BYTES).spawn_scoped(scope, read);
        reading.ok().and_then(|thread| thread.join().ok())
    })
}

fn parse(code: &str, offset: usize, syntax: Syntax) -> Facts {
    let allocator = Allocator::default();
    let source_type = SourceType::default().with_module(true).with_jsx(syntax.jsx).with_typescript(syntax.ts);
    let options = oxc_parser::ParseOptions { allow_return_outside_function: syntax.handler, ..Default::default() };
    let parsed = Parser::new(&allocator, code, source_type).with_options(options).parse();
    let mut reader = Reader {
        offset,
        facts: Facts::default(),
        functions: 0,
        guards: 0,
        timers: 0,
        loads: 0,
        clicked: None,
        aliases: Aliases::default(),
    };
    if let Some(error) = parsed.diagnostics.first() {
        let at = error.labels.as_ref().first().map_or(0, |label| label.offset());
        let at = offset + (at as usize).min(code.len());
        reader.facts.unparsed = Some((error.message.to_string(), at..at));
    }
    reader.visit_program(&parsed.program);
    reader.facts
}

struct Reader {
    offset: usize,
    facts: Facts,
    /// How deep in functions, guards, timer callbacks and load handlers the walk is.
    functions: usize,
    guards: usize,
    timers: usize,
    loads: usize,
    /// The element whose click listener the walk is in.
    clicked: Option<String>,
    aliases: Aliases,
}

/// Local names for `__ssc` and `__ssc.setting`: `var ssc = w.__ssc = …`, `var setting =
/// ssc.setting = …` (ssq-gen's block writes them so, and so may a site).
#[derive(Default)]
struct Aliases {
    ssc: Vec<String>,
    setting: Vec<String>,
}

impl Aliases {
    /// Whether an expression is `__ssc`, `….__ssc` or a name for it.
    fn is_ssc(&self, expression: &Expression) -> bool {
        match expression {
            Expression::Identifier(name) => {
                name.name == "__ssc" || self.ssc.iter().any(|alias| name.name == alias.as_str())
            }
            Expression::StaticMemberExpression(member) => member.property.name == "__ssc",
            Expression::AssignmentExpression(assignment) => match &assignment.left {
                AssignmentTarget::AssignmentTargetIdentifier(name) => name.name == "__ssc",
                AssignmentTarget::StaticMemberExpression(member) => member.property.name == "__ssc",
                _ => false,
            },
            _ => false,
        }
    }

    /// Whether an expression is `__ssc.setting` (through any name for `__ssc`) or a name for it.
    fn is_setting(&self, expression: &Expression) -> bool {
        match expression {
            Expression::Identifier(name) => self.setting.iter().any(|alias| name.name == alias.as_str()),
            Expression::StaticMemberExpression(member) => {
                member.property.name == "setting" && self.is_ssc(&member.object)
            }
            Expression::AssignmentExpression(assignment) => matches!(&assignment.left,
                AssignmentTarget::StaticMemberExpression(member)
                    if member.property.name == "setting" && self.is_ssc(&member.object)),
            _ => false,
        }
    }
}

/// Whether an expression names the queue: `ssq`, or `….ssq` (`window.ssq`, `w.ssq`).
fn is_ssq(expression: &Expression) -> bool {
    match expression {
        Expression::Identifier(name) => name.name == "ssq",
        Expression::StaticMemberExpression(member) => member.property.name == "ssq",
        Expression::ParenthesizedExpression(inner) => is_ssq(&inner.expression),
        _ => false,
    }
}

/// Whether `expression` mentions the queue anywhere (a guard's test).
fn mentions_ssq(expression: &Expression) -> bool {
    struct Finds(bool);
    impl<'a> Visit<'a> for Finds {
        fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
            self.0 |= it.name == "ssq";
        }
        fn visit_static_member_expression(&mut self, it: &StaticMemberExpression<'a>) {
            self.0 |= it.property.name == "ssq";
            walk::walk_static_member_expression(self, it);
        }
        fn visit_string_literal(&mut self, it: &StringLiteral<'a>) {
            self.0 |= it.value == "ssq";
        }
    }
    let mut finds = Finds(false);
    finds.visit_expression(expression);
    finds.0
}

/// What a listener's body does, when ssq-gen has a word for each statement: a report, or the
/// badge (once).
fn listener(statements: &[Statement<'_>]) -> Option<Arg> {
    let (mut actions, mut badge) = (Vec::new(), None);
    for statement in statements {
        let Statement::ExpressionStatement(statement) = statement else { return None };
        match (report(&statement.expression), badge_write(&statement.expression)) {
            (Some(action), _) if !actions.contains(&action) => actions.push(action),
            (Some(_), _) => {}
            (None, Some(selector)) if badge.is_none() => badge = Some(selector),
            _ => return None,
        }
    }
    (!actions.is_empty() || badge.is_some()).then_some(Arg::Listener { actions, badge })
}

/// The element an expression writes the unread count into.
fn badge_write(expression: &Expression<'_>) -> Option<String> {
    let Expression::AssignmentExpression(assignment) = expression else { return None };
    let AssignmentTarget::StaticMemberExpression(target) = &assignment.left else { return None };
    let Expression::StaticMemberExpression(count) = &assignment.right else { return None };
    if !matches!(target.property.name.as_str(), "textContent" | "innerText") || count.property.name != "num" {
        return None;
    }
    element(&target.object)
}

/// `document.getElementById("x")` as `#x`, `document.querySelector(s)` as `s`.
fn element(expression: &Expression<'_>) -> Option<String> {
    let Expression::CallExpression(lookup) = expression else { return None };
    let Expression::StaticMemberExpression(method) = &lookup.callee else { return None };
    let Some(Argument::StringLiteral(argument)) = lookup.arguments.first() else { return None };
    match method.property.name.as_str() {
        "getElementById" => Some(format!("#{}", argument.value)),
        "querySelector" => Some(argument.value.to_string()),
        _ => None,
    }
}

/// The action one expression performs, if it is one of the three reports.
fn report(expression: &Expression<'_>) -> Option<crate::sdk::Action> {
    use crate::sdk::Action;
    let Expression::CallExpression(call) = expression else { return None };
    let action = match &call.callee {
        Expression::StaticMemberExpression(m) if matches!(&m.object, Expression::Identifier(o) if o.name == "console") => {
            Action::Console
        }
        Expression::StaticMemberExpression(m)
            if m.property.name == "push"
                && matches!(&m.object,
                Expression::Identifier(o) if o.name == "dataLayer")
                || matches!(&m.object, Expression::StaticMemberExpression(o) if o.property.name == "dataLayer") =>
        {
            Action::DataLayer
        }
        Expression::Identifier(name)
            if name.name == "gtag"
                && matches!(call.arguments.first(), Some(Argument::StringLiteral(s)) if s.value == "event") =>
        {
            Action::Gtag
        }
        _ => return None,
    };
    Some(action)
}

/// The element a `….addEventListener("click", …)` call listens on, as a selector: the argument of
/// `document.getElementById` (as `#id`) or `document.querySelector`.
fn click_target(call: &CallExpression<'_>) -> Option<String> {
    let Expression::StaticMemberExpression(member) = &call.callee else { return None };
    if member.property.name != "addEventListener"
        || !matches!(call.arguments.first(), Some(Argument::StringLiteral(s)) if s.value == "click")
    {
        return None;
    }
    element(&member.object)
}

/// `setTimeout` or `….setTimeout`.
fn is_timer(callee: &Expression) -> bool {
    match callee {
        Expression::Identifier(name) => name.name == "setTimeout",
        Expression::StaticMemberExpression(member) => member.property.name == "setTimeout",
        _ => false,
    }
}

impl Reader {
    fn span(&self, span: oxc_span::Span) -> Span {
        self.offset + span.start as usize..self.offset + span.end as usize
    }

    fn push(&mut self, call: &CallExpression<'_>, optional: bool) {
        let mut push = Push {
            span: self.span(call.span),
            deferred: self.functions > 0,
            guarded: self.guards > 0 || optional,
            timed: self.timers > 0,
            after_load: self.loads > 0,
            clicked: self.clicked.clone(),
            ..Push::default()
        };
        // The SDK's form is `ssq.push("command", …)`; `ssq.push(["command", …])` hands the SDK an
        // array for a command, which it does not run (SSQ503), though what was meant is clear.
        let values: Vec<&Expression<'_>> = match call.arguments.first() {
            Some(Argument::ArrayExpression(array)) => {
                push.array_form = true;
                array.elements.iter().filter_map(ArrayExpressionElement::as_expression).collect()
            }
            _ => call.arguments.iter().filter_map(Argument::as_expression).collect(),
        };
        if let Some(Expression::StringLiteral(word)) = values.first() {
            push.command = Some((word.value.to_string(), self.span(word.span)));
        }
        push.args = values.iter().skip(1).map(|value| self.arg(value, 0)).collect();
        if let Some(Expression::ObjectExpression(object)) = values.get(1) {
            for property in &object.properties {
                if let ObjectPropertyKind::ObjectProperty(property) = property
                    && let Some(name) = property.key.static_name()
                {
                    push.login_keys.push((name.to_string(), self.span(property.key.span())));
                }
            }
        }
        self.facts.pushes.push(push);
    }

    /// What `expression` is, as a pushed value; `depth` bounds the nesting looked into.
    fn arg(&self, expression: &Expression<'_>, depth: usize) -> Arg {
        let other = || Arg::Other(self.span(expression.span()));
        if depth > 8 {
            return other();
        }
        match expression {
            Expression::StringLiteral(text) => Arg::Str(text.value.to_string(), self.span(text.span)),
            Expression::BooleanLiteral(value) => Arg::Bool(value.value),
            Expression::NumericLiteral(number) => Arg::Number(number.value),
            Expression::ArrayExpression(array) => {
                let items = array.elements.iter().map(|element| match element.as_expression() {
                    Some(expression) => self.arg(expression, depth + 1),
                    None => Arg::Other(self.span(element.span())),
                });
                Arg::List(items.collect())
            }
            Expression::ObjectExpression(object) => {
                let mut fields = Vec::new();
                for property in &object.properties {
                    match property {
                        ObjectPropertyKind::ObjectProperty(property) if !property.computed => {
                            let Some(name) = property.key.static_name() else { return other() };
                            fields.push((name.to_string(), self.arg(&property.value, depth + 1)));
                        }
                        _ => return other(),
                    }
                }
                Arg::Object(fields)
            }
            Expression::FunctionExpression(function) => {
                function.body.as_ref().and_then(|body| listener(&body.statements)).unwrap_or_else(other)
            }
            Expression::ArrowFunctionExpression(arrow) => match &arrow.body {
                ArrowFunctionBody::FunctionBody(body) => listener(&body.statements),
                body => body
                    .as_expression()
                    .and_then(|expression| report(expression).map(|a| Arg::Listener { actions: vec![a], badge: None })),
            }
            .unwrap_or_else(other),
            Expression::ParenthesizedExpression(inner) => self.arg(&inner.expression, depth + 1),
            _ => other(),
        }
    }

    fn guarded(&mut self, walk: impl FnOnce(&mut Self)) {
        self.guards += 1;
        walk(self);
        self.guards -= 1;
    }
}

impl<'a> Visit<'a> for Reader {
    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        if let Expression::StaticMemberExpression(member) = &it.callee
            && member.property.name == "push"
            && is_ssq(&member.object)
        {
            self.push(it, member.optional || it.optional);
        }
        let timer = is_timer(&it.callee);
        // `addEventListener("load", …)`: a load handler.
        let load = matches!(&it.callee, Expression::StaticMemberExpression(m) if m.property.name == "addEventListener")
            && matches!(it.arguments.first(), Some(Argument::StringLiteral(s)) if s.value == "load");
        let clicked = click_target(it);
        self.timers += usize::from(timer);
        self.loads += usize::from(load);
        let outer = match clicked {
            Some(selector) => self.clicked.replace(selector),
            None => self.clicked.clone(),
        };
        walk::walk_call_expression(self, it);
        self.clicked = outer;
        self.timers -= usize::from(timer);
        self.loads -= usize::from(load);
    }

    fn visit_chain_expression(&mut self, it: &ChainExpression<'a>) {
        // `ssq?.push(…)`, `window.ssq?.push(…)`: the call is optional.
        self.guarded(|reader| walk::walk_chain_expression(reader, it));
    }

    fn visit_assignment_expression(&mut self, it: &AssignmentExpression<'a>) {
        let mut load = false;
        match &it.left {
            AssignmentTarget::AssignmentTargetIdentifier(name) if name.name == "ssq" => {
                self.facts.stubs.push(self.span(it.span));
            }
            AssignmentTarget::StaticMemberExpression(member) => {
                if member.property.name == "ssq" {
                    self.facts.stubs.push(self.span(it.span));
                }
                if member.property.name == "setting" && self.aliases.is_ssc(&member.object) {
                    let replaced = matches!(it.right, Expression::ObjectExpression(_));
                    self.facts.settings.push(SettingWrite { span: self.span(it.span), replaced, late: self.loads > 0 });
                    if let Arg::Object(fields) = self.arg(&it.right, 0) {
                        self.facts.setting_values.extend(fields);
                    }
                }
                if member.property.name == "license"
                    && self.aliases.is_ssc(&member.object)
                    && let Expression::StringLiteral(license) = &it.right
                {
                    self.facts.license = Some((license.value.to_string(), self.span(license.span)));
                }
                // `__ssc.setting.hideIcon = …`, in a load handler or not.
                if self.aliases.is_setting(&member.object) {
                    if self.loads > 0 {
                        self.facts.settings.push(SettingWrite {
                            span: self.span(it.span),
                            replaced: false,
                            late: true,
                        });
                    }
                    let value = self.arg(&it.right, 0);
                    self.facts.setting_values.push((member.property.name.to_string(), value));
                }
                load = member.property.name == "onload";
                self.facts.generated |= member.property.name == "__ssqGen";
            }
            _ => {}
        }
        self.loads += usize::from(load);
        walk::walk_assignment_expression(self, it);
        self.loads -= usize::from(load);
    }

    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        if let BindingPattern::BindingIdentifier(name) = &it.id {
            if name.name == "ssq" {
                self.facts.stubs.push(self.span(it.span));
            }
            if let Some(init) = &it.init {
                if self.aliases.is_ssc(init) {
                    self.aliases.ssc.push(name.name.to_string());
                } else if self.aliases.is_setting(init) {
                    self.aliases.setting.push(name.name.to_string());
                }
            }
        }
        walk::walk_variable_declarator(self, it);
    }

    fn visit_if_statement(&mut self, it: &IfStatement<'a>) {
        self.visit_expression(&it.test);
        match mentions_ssq(&it.test) {
            true => self.guarded(|reader| reader.visit_statement(&it.consequent)),
            false => self.visit_statement(&it.consequent),
        }
        if let Some(alternate) = &it.alternate {
            self.visit_statement(alternate);
        }
    }

    fn visit_conditional_expression(&mut self, it: &ConditionalExpression<'a>) {
        self.visit_expression(&it.test);
        match mentions_ssq(&it.test) {
            true => self.guarded(|reader| reader.visit_expression(&it.consequent)),
            false => self.visit_expression(&it.consequent),
        }
        self.visit_expression(&it.alternate);
    }

    fn visit_logical_expression(&mut self, it: &LogicalExpression<'a>) {
        self.visit_expression(&it.left);
        match it.operator == LogicalOperator::And && mentions_ssq(&it.left) {
            true => self.guarded(|reader| reader.visit_expression(&it.right)),
            false => self.visit_expression(&it.right),
        }
    }

    fn visit_try_statement(&mut self, it: &TryStatement<'a>) {
        self.guarded(|reader| reader.visit_block_statement(&it.block));
        if let Some(handler) = &it.handler {
            self.visit_catch_clause(handler);
        }
        if let Some(finalizer) = &it.finalizer {
            self.visit_block_statement(finalizer);
        }
    }

    fn visit_function(&mut self, it: &Function<'a>, flags: oxc_syntax::scope::ScopeFlags) {
        self.functions += 1;
        walk::walk_function(self, it, flags);
        self.functions -= 1;
    }

    fn visit_arrow_function_expression(&mut self, it: &ArrowFunctionExpression<'a>) {
        self.functions += 1;
        walk::walk_arrow_function_expression(self, it);
        self.functions -= 1;
    }

    fn visit_string_literal(&mut self, it: &StringLiteral<'a>) {
        if is_loader_url(&it.value) {
            self.facts.loader_urls.push((it.value.to_string(), self.span(it.span)));
        }
    }

    fn visit_template_literal(&mut self, it: &TemplateLiteral<'a>) {
        for quasi in &it.quasis {
            if is_loader_url(&quasi.value.raw) {
                self.facts.loader_urls.push((quasi.value.raw.to_string(), self.span(quasi.span)));
            }
        }
        walk::walk_template_literal(self, it);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pushes_stubs_settings_and_loaders() {
        let code = r#"window.ssq = window.ssq || [];
ssq.push(["setLoginInfo", { user_id: "x", name: "n" }]);
window.__ssc.setting = { hideIcon: true };
setTimeout(function () { ssq.push(['sendTextMessage', 'hi']); }, 500);
if (window.ssq) { ssq.push(["chatOpen"]); }
window.ssq && window.ssq.push(["chatClose"]);
s.onload = function () { __ssc.setting.hideIcon = true; };
s.src = "https://plugin-code.salesmartly.com/js/project_1_2_3.js";
"#;
        let facts = read(code, 10, Syntax::default());
        assert!(facts.unparsed.is_none());
        assert_eq!(facts.stubs, vec![10..39]);
        let commands: Vec<_> = facts.pushes.iter().map(|p| p.command.as_ref().unwrap().0.as_str()).collect();
        assert_eq!(commands, ["setLoginInfo", "sendTextMessage", "chatOpen", "chatClose"]);
        let keys: Vec<_> = facts.pushes[0].login_keys.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["user_id", "name"]);
        assert!(facts.pushes[1].timed && facts.pushes[1].deferred && !facts.pushes[0].deferred);
        assert!(!facts.pushes[0].guarded && facts.pushes[2].guarded && facts.pushes[3].guarded);
        assert!(facts.settings[0].replaced && !facts.settings[0].late);
        assert!(facts.settings[1].late && !facts.settings[1].replaced);
        assert_eq!(facts.loader_urls.len(), 1);
        assert!(!facts.is_install_code());
    }

    #[test]
    fn local_names_for_ssc_and_its_setting() {
        let code = r#"(function (w) {
  var ssc = w.__ssc = w.__ssc || {};
  var setting = ssc.setting = ssc.setting || {};
  setting.hideIcon = true;
  ssc.license = "k7tq2mz";
  w.__ssqGen = "0.1.0";
  var other = {};
  other.license = "no";
})(window);
"#;
        let facts = read(code, 0, Syntax::default());
        assert_eq!(facts.setting_values, vec![("hideIcon".to_string(), Arg::Bool(true))]);
        assert_eq!(facts.license.map(|(license, _)| license).as_deref(), Some("k7tq2mz"));
        assert!(facts.generated);
        assert!(
            !read("var other = {}; other.setting = {}; other.setting.hideIcon = 1;", 0, Syntax::default()).generated
        );
    }

    #[test]
    fn a_listener_is_its_reports_and_one_badge() {
        let pushed = |body: &str| {
            let code = format!("ssq.push(\"onUnRead\", function (obj) {{ {body} }});");
            read(&code, 0, Syntax::default()).pushes.remove(0).args.remove(0)
        };
        let badge = "document.getElementById(\"n\").textContent = obj.num;";
        assert_eq!(
            pushed(&format!("{badge} console.log(obj); gtag(\"event\", \"u\");")),
            Arg::Listener {
                actions: vec![crate::sdk::Action::Console, crate::sdk::Action::Gtag],
                badge: Some("#n".into())
            }
        );
        assert_eq!(pushed(badge), Arg::Listener { actions: vec![], badge: Some("#n".into()) });
        assert!(matches!(pushed(&format!("{badge} {badge}")), Arg::Other(_)));
        assert!(matches!(pushed(&format!("{badge} alert(1);")), Arg::Other(_)));
    }

    #[test]
    fn deep_nesting_is_left_unread() {
        let deep = format!("ssq.push({}{});", "[".repeat(5000), "]".repeat(5000));
        let facts = read(&deep, 0, Syntax::default());
        assert!(facts.pushes.is_empty() && facts.unparsed.is_some());
        let fine = format!("ssq.push([\"chatOpen\", {}{}]);", "[".repeat(150), "]".repeat(150));
        assert_eq!(read(&fine, 0, Syntax::default()).pushes.len(), 1);
    }

    #[test]
    fn jsx_and_a_syntax_error() {
        let facts = read(
            "const b = <button onClick={() => window.ssq?.push([\"chatOpen\"])} />;",
            0,
            Syntax { jsx: true, ..Syntax::default() },
        );
        assert!(facts.pushes[0].guarded && facts.pushes[0].deferred, "{:?}", facts.pushes);
        assert!(read("ssq.push([", 0, Syntax::default()).unparsed.is_some());
    }
}
