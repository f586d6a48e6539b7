<?php
// Renders a login-data fragment with Twig, Blade or plain PHP, as a site would:
// `php render.php ENGINE FRAGMENT DATA`. DATA is a JSON object: the template's variables. Prints the
// rendered text. Every notice or warning (an undefined variable, say) fails the render.
set_error_handler(function ($severity, $message) { throw new ErrorException($message, 0, $severity); });
[, $engine, $fragmentPath, $dataPath] = $argv;
$fragment = file_get_contents($fragmentPath);
$context = json_decode(file_get_contents($dataPath), true, 512, JSON_THROW_ON_ERROR);

function render_php(string $__code, array $__data): string {
    // As Laravel's PhpEngine and a WordPress template include it: the variables in scope.
    extract($__data, EXTR_SKIP);
    ob_start();
    eval('?>' . $__code);
    return ob_get_clean();
}

switch ($engine) {
    case 'twig':
        require '/usr/share/php/Twig/autoload.php';
        // SSQ_TWIG_BASE: a layout the template extends as "base" (a page's child template).
        $templates = ['fragment' => $fragment];
        if (getenv('SSQ_TWIG_BASE') !== false) {
            $templates['base'] = file_get_contents(getenv('SSQ_TWIG_BASE'));
        }
        $twig = new \Twig\Environment(new \Twig\Loader\ArrayLoader($templates), [
            'autoescape' => 'html',
            'strict_variables' => true,
        ]);
        echo $twig->render('fragment', $context);
        break;
    case 'blade':
        require '/usr/share/php/Illuminate/View/autoload.php';
        $compiler = new \Illuminate\View\Compilers\BladeCompiler(new \Illuminate\Filesystem\Filesystem(), sys_get_temp_dir());
        echo render_php($compiler->compileString($fragment), $context);
        break;
    case 'php':
        echo render_php($fragment, $context);
        break;
    default:
        fwrite(STDERR, "unknown engine $engine\n");
        exit(2);
}
