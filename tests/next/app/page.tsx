export default function Page() {
  return <main id="page">home</main>;
}
