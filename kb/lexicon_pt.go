package kb

// portugueseLexicon returns the word lists of Portuguese, one for Brazil
// and Portugal: the synonyms join the words the two use for the same
// thing (encomenda and pedido, portes and frete, morada and endereço).
func portugueseLexicon() lexicon {
	return lexicon{
		stop: `
a à ao aos as às até com como da das de dela dele deles depois do dos e é ela elas ele eles em entre era essa essas esse esses esta está
estão estar estas este estou eu foi há isso isto já lá lhe mais mas me meu meus minha minhas muito na nas nem no nos nossa nosso num
numa o os ou para pela pelas pelo pelos por porque porquê pra pro qual quais quando que quê quem se sem ser seu seus só sua suas também
te tem têm tenho ter tu tua um uma umas uns você vocês vc vcs obrigado obrigada olá oi bom boa dia tarde noite favor pf posso pode podem
poderia alguém algum alguma coisa ainda
mim comigo tá tô né daí tbm msm
`,
		months: `janeiro fevereiro março marco abril maio junho julho agosto setembro outubro novembro dezembro jan fev abr ago set out nov dez`,
		synonyms: map[string][]string{
			"nao":         {"nunca", "nenhum", "nenhuma", "jamais", "impossível", "tampouco"},
			"carrinho":    {"carrinhos", "cesto", "cesta", "cart", "basket"},
			"copia":       {"cópias", "exemplar", "exemplares", "copies", "copy"},
			"cinza":       {"cinzento", "cinzenta", "acinzentado", "acinzentada", "desativado", "desativada", "desabilitado", "desabilitada", "inativo", "inativa"},
			"opcao":       {"botão", "botões", "link", "opções"},
			"comprar":     {"compra", "compras", "adquirir"},
			"mudar":       {"alterar", "modificar", "editar", "trocar", "corrigir"},
			"entrega":     {"entregas", "entregar", "entregue", "chegar", "chega", "chegam", "chegou", "chegaram", "chegada"},
			"envio":       {"envios", "enviar", "enviado", "enviados", "frete", "portes", "shipping"},
			"custo":       {"custos", "preço", "preços", "custa", "custam", "caro", "barato", "tarifa"},
			"prevenda":    {"pré venda", "pré vendas", "prevendas", "pré encomenda", "préencomenda", "preorder", "pre order"},
			"ebook":       {"livro kindle", "livros kindle", "versão kindle", "ebooks", "e book", "livro digital", "livro eletrônico", "livro electrónico", "livros digitais"},
			"brochura":    {"capa mole", "capa comum", "capa flexível", "paperback"},
			"capadura":    {"capa dura", "capa rígida", "hardcover", "hardback"},
			"defeito":     {"manchado", "manchada", "manchados", "manchadas", "manchas", "borrado", "borrada", "borrados", "borradas", "esborratado", "esborratada", "desfocado", "desfocada", "desalinhado", "desalinhada", "desalinhados", "desalinhadas", "defeitos", "defeituoso", "defeituosa", "defeituosos", "defeituosas", "mal impresso", "mal impressa", "mal impressos", "mal impressas", "erro de impressão", "erros de impressão", "misprint"},
			"danificado":  {"danificada", "danificados", "danificadas", "estragado", "estragados", "rasgado", "amassado", "amassados", "amolgado"},
			"umpedido":    {"de uma vez", "num pedido", "em um pedido", "num só pedido", "por pedido"},
			"quantidade":  {"quantidades", "quantos posso", "quantas posso", "quantos consigo", "quantas consigo", "quantas cópias", "número de cópias"},
			"revender":    {"revenda", "vender", "resell"},
			"rastreio":    {"seguir", "sigo", "acompanhar", "acompanho", "rastrear", "rastreamento", "tracking", "track"},
			"pedido":      {"encomenda", "encomendas", "encomendar", "encomendei"},
			"endereco":    {"morada", "código postal", "cep", "número da porta"},
			"calcular":    {"cálculo", "calculadora"},
			"marketing":   {"divulgar meu livro", "divulgar o livro", "promover o livro"},
			"navegador":   {"navegadores", "browser", "chrome", "firefox", "safari", "edge"},
			"quanto":      {"qto", "qnto", "qnt"},
			"autor":       {"author", "authors"},
			"prova":       {"provas", "proof", "proofs", "boneco", "bonecos"},
			"cancelar":    {"anular", "cancelamento", "cancel", "cancelei"},
			"antigo":      {"velho", "velha", "velhos", "velhas", "desatualizado", "desatualizada", "desatualizados", "desatualizadas", "anterior"},
			"ingramspark": {"ingram spark", "ingram", "lightning source", "lsi"},
			"brasil":      {"brasileiro", "brasileira", "brasileiros", "brasileiras"},
			"japao":       {"japonês", "japonesa", "japoneses"},
			"agendar":     {"programar", "agendamento", "agendado", "agendada", "schedule"},
			"curvada":     {"curvado", "curvadas", "curvados", "curvando", "encurvada", "encurvado", "encurvadas", "encurvados", "arqueada", "arqueado", "arqueadas", "empenada", "empenado", "empenadas", "empenou", "ondulada", "ondulado", "onduladas", "enrolada", "enrolado", "enroladas", "enrolando", "enrolar", "curled", "curling"},
			"gratis":      {"gratuito", "gratuita", "gratuitos", "gratuitas", "de graça", "free"},
			"travado":     {"travada", "travou", "congelou", "congelado", "congelada", "bloqueado", "bloqueada", "fica a carregar", "fica carregando"},
		},
		neighbours: `
escrever escrita escritor escritora romance romances conto poesia poema manuscrito capítulo enredo personagem personagens
diagramação formatação word epub mobi vellum atticus
designer ilustrador canva photoshop software sinopse
publicidade anúncios promoção divulgação redes instagram facebook tiktok seguidores leitores resenhas avaliações newsletter
royalties porcentagem percentagem unlimited kenp assinatura
audiolivro audiolivros audible acx narrador podcast
tela ecrã bateria carregador tablet app
chuva receita receitas bolo cozinha capital futebol jogo piada filme música viagem
comida pizza restaurante ifood glovo uber sofá móveis
`,
		units:    "cópias exemplares livros provas unidades",
		quantity: "quantidade",
		steps:    "passo a passo|passos|etapas|concretamente",
		cues: `
pizza supermercado sapatos roupa impressora_3d
royalties direitos_autorais | taxa porcentagem percentagem 35 70 pagamento pagamentos pago pagam mês mensal mínimo
kindle | sincronizar sincroniza ligar tela ecrã bateria carregar dispositivo app trava travou
kdp_select kindle_unlimited páginas_lidas kenp
conteúdo_a author_central página_do_produto
palavras_chave categoria categorias
previsão_do_tempo clima que_horas_são fuso_horário
bloqueio_criativo epub docx mobi kpf
ebook ebooks livro_digital | preço custo
royalties direitos_autorais ganho ganhar ganha ganhos | ebook livro_digital
formatar formatação diagramar diagramação kindle_create preço_de_lista preço_de_venda pseudônimo pseudónimo biblioteca_nacional
vendedor vendedora | outro_autor outra_autora
quantos_anos_você_tem quantos_anos_tens você_é_um_robô você_é_um_bot
`,
		markers: `
curvada curvado curvadas ondulada ondulado arqueada arqueado gratuito gratuita programar anterior anteriores
carrinho vazio vazia pedido pedidos pedir enviar máximo mínimo cópias cópia autor autores livro livros exemplares exemplar prova provas envio entrega
chegar chegam chegou chegaram preço custa custo frete portes impressão impresso impressas páginas danificado danificados
estragado cancelar cancelado mudar alterar endereço morada rastreio rastrear código histórico capa dura mole pré-venda
grátis impostos fatura nota loja branco parado marca água nunca ajuda tinta colorida preta calcular expresso disponível antiga
versão evento preciso caro quantidade botão cinza acho achar onde quando como quanto quantas por que porque olá oi obrigado
obrigada você vc meu minha meus minhas não está estão são também mas muito já ainda semanas dias encomenda encomendar
encomendei aparece apareceu ficou saiu uma um umas uns do da dos das no na nos nas ao pelo pela para com sem d'
qto qnto passo passos pq tbm tá né cadê vieram veio recebi velha velho acompanhar
`,
		spelling: `
acabar achar agora ainda além algo alguém amigo ano anos antes aqui assim até bem cabeça casa caso cedo certo cidade coisa coisas
começar comer conhecer conseguir contar contra corpo criança dar depois deixar dentro desde devagar dever dia dias dinheiro dizer
embora encontrar entrar entender esperar estar falar família fazer ficar fim forma frente gente grande hoje homem hora horas ideia
igual isso janela jeito junto lado lembrar levar lugar mãe manhã mão maneira melhor menos mês mesmo minutos momento morar muito
mulher mundo nada nenhum noite nome nova novo nunca olhar olhos onde outra outro pai país palavra parecer parte passar pedir pensar
pequeno perder pessoa pessoas pôr porta pouco precisar primeiro pronto quase querer rua saber sair semana sempre sentir ser sozinho
tanto tarde tempo ter terra trabalho trazer tudo último vez vezes viver voltar você vocês ação ações informação situação não então
também está estão já só avó coração irmão irmã lição opção opções cartão pão
`,
		frequent: "o a os as de do da dos das que e em um uma não é para com no na meu minha",
	}
}
