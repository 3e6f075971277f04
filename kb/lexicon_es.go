package kb

// spanishLexicon returns the word lists of Spanish, as written in Spain
// and in the Americas.
func spanishLexicon() lexicon {
	return lexicon{
		stop: `
a al algo algún alguna algunas alguno algunos ante antes aquí así aún aunque bien cada como cómo con contra cual cuál cuales
cualquier cuando cuándo cuanto cuánto de del desde donde dónde dos durante e el él ella ellas ellos en entre era eran eres es esa esas
ese eso esos esta está estaba estado estamos están estar estas este esto estos estoy fue fueron gracias ha hace hacer hacia han has
hasta hay he hola la las le les lo los me más mas mi mí mis mucho muy nos nosotros o os otra otras otro otros para pero poco por porque
porqué puede pueden puedo pudo que qué quien quién quiero se sea ser si sí sido siempre sobre soy su sus también tan tanto te tengo tiene
tienen tu tú tus un una unas uno unos usted ustedes va vez y ya yo porfa porfavor favor saludos buenas buenos días hey oye alguien
hago hice hizo duda dudas pregunta preguntas pasa
`,
		months: `enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre ene feb abr ago sept oct nov dic`,
		synonyms: map[string][]string{
			"no":          {"nunca", "ningún", "ninguna", "ninguno", "jamás", "imposible", "tampoco"},
			"carrito":     {"carro", "cesta", "canasta", "cart", "basket"},
			"copia":       {"copias", "ejemplar", "ejemplares", "copies", "copy"},
			"prueba":      {"pruebas", "proof", "proofs"},
			"autor":       {"author", "authors"},
			"gris":        {"grises", "grisáceo", "deshabilitado", "deshabilitada", "desactivado", "desactivada", "inactivo", "inactiva", "no se puede pulsar"},
			"opcion":      {"botón", "botones", "enlace", "link", "opciones"},
			"comprar":     {"compra", "compras", "adquirir"},
			"cambiar":     {"modificar", "editar", "corregir", "ajustar"},
			"entrega":     {"entregas", "entregar", "llegar", "llega", "llegan", "llegó", "llegaron", "llegado", "llegada"},
			"envio":       {"envíos", "enviar", "enviado", "envían", "mandar", "shipping"},
			"costo":       {"coste", "costos", "costes", "precio", "precios", "cuesta", "cuestan", "caro", "barato", "tarifa"},
			"preventa":    {"preventas", "pre venta", "preorden", "pre orden", "prepedido", "preorder", "pre order"},
			"ebook":       {"e book", "libro electrónico", "libro digital", "libros electrónicos"},
			"tapablanda":  {"tapa blanda", "rústica", "libro de bolsillo", "paperback"},
			"tapadura":    {"tapa dura", "hardcover", "encuadernado", "hardback"},
			"defecto":     {"defectos", "defectuoso", "defectuosa", "defectuosos", "defectuosas", "mal impreso", "mal impresa", "mal impresos", "mal impresas", "error de impresión", "errores de impresión", "misprint", "borroso", "borrosa"},
			"danado":      {"dañados", "dañada", "dañadas", "roto", "rota", "rotos", "rotas", "golpeado", "aplastado", "doblado"},
			"unpedido":    {"de una vez", "en un pedido", "en un solo pedido", "por pedido"},
			"cantidad":    {"cantidades", "cuántas copias", "número de copias", "cuántos ejemplares"},
			"revender":    {"reventa", "vender", "resell"},
			"seguimiento": {"rastrear", "rastreo", "tracking", "track", "dónde está mi pedido", "dónde está el pedido", "dónde está mi paquete", "dónde está el paquete", "dónde está mi orden", "dónde están mis copias", "dónde están mis ejemplares", "dónde están mis libros", "estado del pedido", "estado de mi pedido", "estado del envío"},
			"tramitar":    {"pasar por caja", "finalizar compra", "checkout"},
			"calcular":    {"cálculo", "calculadora"},
			"marketing":   {"promocionar mi libro", "vender mi libro en redes"},
			"navegador":   {"navegadores", "browser", "chrome", "firefox", "safari", "edge"},
			"pedido":      {"la orden", "una orden", "mi orden", "esta orden", "las órdenes", "mis órdenes"},
			"negro":       {"blanco y negro"},
			"lengua":      {"catalán", "euskera", "gallego"},
			"colgado":     {"colgada", "se cuelga", "se queda colgado", "se queda colgada", "congelado", "congelada", "bloqueado", "bloqueada", "se bloquea"},
		},
		neighbours: `
escribir escritura escritor escritora novela novelas cuento poesía poema manuscrito capítulo trama personaje personajes corrector
tipografía maquetación word epub mobi vellum atticus
diseñador ilustrador canva photoshop sinopsis subtítulo
publicidad anuncios promoción redes instagram facebook tiktok seguidores lectores reseñas opiniones boletín
regalías porcentaje unlimited kenp suscripción
audiolibro audiolibros audible acx narrador narración podcast
lector pantalla batería cargador tableta app
lluvia receta recetas pastel cocina capital fútbol chiste película música viaje
comida pizza restaurante glovo rappi uber sofá mueble muebles
`,
		units:    "copias ejemplares libros pruebas unidades",
		quantity: "cantidad",
		steps:    "paso a paso|pasos|concretamente",
		cues: `
pizza restaurante supermercado zapatillas zapatos talla ropa impresora_3d
regalías royalties | tasa porcentaje 35 70 pago pagos pagan paga cobrar cobro mes mensual mínimo
kindle | sincronizar sincroniza encender pantalla batería cargar dispositivo lector app bloquea cuelga
kdp_select kindle_unlimited páginas_leídas kenp
contenido_a author_central página_del_producto
palabras_clave categoría categorías
qué_tiempo_hace pronóstico clima qué_hora_es zona_horaria
bloqueo_del_escritor epub docx mobi kpf
ebook ebooks libro_electrónico | precio costo coste ponen
ebook libro_electrónico | gano
look_inside
formatear formateo maquetar maquetación precio_de_venta precio_de_lista seudónimo pseudónimo
cuántos_años_tienes eres_un_bot
`,
		markers: `
curvada curvado curvadas ondulada ondulado arqueada arqueado gratuito gratuita programar anterior anteriores
carrito vacío vacía pedido pedidos pedir pedí máximo mínimo copias copia autor autores libro libros ejemplares ejemplar prueba pruebas envío
envíos enviar entrega llegar llegan llegó llegaron precio cuesta costo coste gastos impresión imprimir impreso impresas páginas
dañado dañados dañada roto cancelar cancelado cambiar modificar dirección seguimiento número historial tapa dura blanda preventa
gratis iva impuestos factura tienda portada hojas blanco atascado marca agua nunca ayuda tinta color negro calcular exprés disponible
vieja viejo versión feria necesito caro barato cantidad botón gris encuentro encontrar dónde cuándo cómo qué cuánto cuántas por qué
porque hola gracias porfa tengo quiero puedo puede hay sale salió sigue todavía ya semanas días mis mi también pero muy donde esta
está están el los las del al una unos con para sin sobre señor
`,
		spelling: `
abajo abrir acabar acuerdo además ahora algo allí amigo antes año años aquel aquí arriba así ayer bajo bastante buen bueno cabeza
calle cama cambio camino casa casi caso cerca cierto ciudad claro cobrar coche comer comprar conocer contar cosa cosas creer cuenta
cuerpo dar deber decir dejar después día días dinero empezar encontrar entonces entrar escribir esperar estar estos familia fin forma
fuera gente gran grande gustar haber hablar hacer hasta hermano hijo historia hombre hora horas hoy idea igual importante jugar junto
lado largo leer lejos llamar llegar llevar luego lugar madre mañana mano manera mayor mejor menos mes mientras minutos mirar mismo
momento mucho mujer mundo nada necesitar ninguno noche nombre nuevo nunca ojos otra padre país palabra parecer parte pasar pedir
pensar pequeño perder persona poco poder poner primero pronto pueblo puerta pues quedar querer razón recibir recordar saber sacar
salir seguir según semana sentir señora servir siempre siguiente sino solo tarde tener terminar tiempo tierra todavía todo tomar
trabajar trabajo tratar último usar venir ventana ver verdad viejo vivir volver vuelta ya ñandú mañana niño españa compañía
`,
		frequent: "el la los las de del que y en un una es no por para se lo mi mis",
	}
}
